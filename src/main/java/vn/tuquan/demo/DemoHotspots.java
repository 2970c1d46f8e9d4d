package vn.tuquan.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The hotspots and campaigns of the demo (F17, F18), deterministic: 51 hotspot areas of Nam Định
 * designated in 2014–2016 (more in towns and wards than in villages), each starting COMPLEX and moving
 * towards STABLE with its reasons, so that on 31/10/2017 the 48 still on the list are 22 stable, 22
 * contained and 4 complex (three others were removed by decision before); and twelve crackdown and
 * patrol campaigns of 2016–2017 linked to the hotspots they targeted, with their results.
 */
@Component
@Profile("demo")
class DemoHotspots {

    /** The day of the article's figures (F18): the end of the 2017 period. */
    static final LocalDate F18_DAY = LocalDate.of(2017, 10, 31);

    static final int ON_LIST = 48;

    private static final Logger log = LoggerFactory.getLogger(DemoHotspots.class);

    /** The districts' centres and half extents (latitude, longitude), from their boundaries (dvhcvn). */
    private static final Map<String, double[]> DISTRICTS = Map.of(
            "356",
            new double[] {20.416, 106.177, 0.042, 0.048},
            "358",
            new double[] {20.457, 106.130, 0.044, 0.092},
            "359",
            new double[] {20.391, 106.092, 0.081, 0.075},
            "360",
            new double[] {20.340, 106.020, 0.112, 0.110},
            "361",
            new double[] {20.034, 106.152, 0.211, 0.057},
            "362",
            new double[] {20.342, 106.207, 0.084, 0.069},
            "363",
            new double[] {20.255, 106.243, 0.102, 0.076},
            "364",
            new double[] {20.298, 106.345, 0.080, 0.070},
            "365",
            new double[] {20.235, 106.515, 0.069, 0.125},
            "366",
            new double[] {20.140, 106.270, 0.131, 0.093});

    private final Units units;
    private final Hotspots hotspots;
    private final Campaigns campaigns;

    DemoHotspots(Units units, Hotspots hotspots, Campaigns campaigns) {
        this.units = units;
        this.hotspots = hotspots;
        this.campaigns = campaigns;
    }

    /** A hotspot made by the demo, with what the campaigns need to find it. */
    private record Made(long id, String districtCode, long communeId, Hotspot.Kind kind, LocalDate designatedOn) {}

    void loadIfAbsent() {
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, NamDinh2017.AS_OF)
                .orElseThrow();
        if (!hotspots.under(Scope.WHOLE_COUNTRY, province.id(), LocalDate.of(2030, 1, 1), Hotspot.Filter.ALL)
                .isEmpty()) {
            return;
        }
        Random random = new Random(36);
        List<UnitView> sites = sites(province, random);
        // what each of the 48 is on 31/10/2017; the last three sites are removed before
        List<Hotspot.Status> finals = new ArrayList<>();
        for (int i = 0; i < ON_LIST; i++) {
            finals.add(i < 22 ? Hotspot.Status.STABLE : i < 44 ? Hotspot.Status.CONTAINED : Hotspot.Status.COMPLEX);
        }
        Collections.shuffle(finals, random);
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            made.add(hotspot(province, sites.get(i), i, i < ON_LIST ? finals.get(i) : null, random));
        }
        int recorded = campaigns(province, made, random);
        log.info(
                "Demo data: {} hotspot areas ({} on the list on {}), {} campaigns",
                made.size(),
                ON_LIST,
                F18_DAY,
                recorded);
    }

    /** 51 communes, towns and wards weighted three to one over rural communes, Hải Minh first (the demo's commune). */
    private List<UnitView> sites(UnitView province, Random random) {
        List<UnitView> communes = units.subtree(
                        Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.COMMUNE), NamDinh2017.AS_OF, 1000, 0)
                .units();
        List<UnitView> weighted = new ArrayList<>();
        for (UnitView c : communes) {
            int weight = "XA".equals(c.subkind()) ? 1 : 3;
            for (int w = 0; w < weight; w++) {
                weighted.add(c);
            }
        }
        Set<UnitView> chosen = new LinkedHashSet<>();
        chosen.add(units.findByCode(Scope.WHOLE_COUNTRY, "14233", NamDinh2017.AS_OF)
                .orElseThrow());
        while (chosen.size() < ON_LIST + 3) {
            chosen.add(weighted.get(random.nextInt(weighted.size())));
        }
        return new ArrayList<>(chosen);
    }

    private Made hotspot(UnitView province, UnitView commune, int index, Hotspot.Status status, Random random) {
        UnitView district =
                units.latest(Scope.WHOLE_COUNTRY, commune.parentId()).orElseThrow();
        List<UnitView> villages = units.children(Scope.WHOLE_COUNTRY, commune.id(), NamDinh2017.AS_OF).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .toList();
        List<Long> covered = new ArrayList<>();
        String place;
        if (index % 4 == 0 || villages.isEmpty()) {
            covered.add(commune.id());
            place = commune.name();
        } else {
            UnitView village = villages.get(random.nextInt(villages.size()));
            covered.add(village.id());
            place = village.name() + ", " + commune.name();
            if (index % 3 == 0 && villages.size() > 1) {
                UnitView next = villages.get((villages.indexOf(village) + 1) % villages.size());
                covered.add(next.id());
                place = village.name() + " và " + next.name() + ", " + commune.name();
            }
        }
        Hotspot.Kind kind = kind(random, !"XA".equals(commune.subkind()));
        // 2014 – autumn 2016; those removed later from the list were among the first
        LocalDate designated = LocalDate.of(2014, 1, 6).plusDays(random.nextInt(status == null ? 300 : 1000));
        double[] centre = DISTRICTS.getOrDefault(district.code(), DISTRICTS.get("356"));
        Double latitude = null;
        Double longitude = null;
        if (index % 12 != 5) {
            latitude = round(centre[0] + (random.nextDouble() - 0.5) * centre[2]);
            longitude = round(centre[1] + (random.nextDouble() - 0.5) * centre[3]);
        }
        String number = (100 + 17 * index) + "/QĐ-CAT";
        String decidedBy = "Giám đốc Công an tỉnh Nam Định";
        Hotspot hotspot = hotspots.designate(
                Caller.SYSTEM,
                province.id(),
                new Hotspot.Form(
                        name(kind, place),
                        kind,
                        covered,
                        designated,
                        decidedBy,
                        number,
                        Hotspot.Status.COMPLEX,
                        complexReason(kind),
                        latitude,
                        longitude,
                        "Giao Công an "
                                + district.name().replace("Huyện ", "huyện ").replace("Thành phố ", "thành phố ")
                                + " chủ trì chuyển hóa."));
        List<Hotspot.Status> path = path(status, index);
        List<LocalDate> days =
                days(designated, status == null ? LocalDate.of(2016, 12, 31) : F18_DAY, path.size() + 1, random);
        for (int s = 0; s < path.size(); s++) {
            hotspots.changeStatus(
                    Caller.SYSTEM,
                    province.id(),
                    hotspot.id(),
                    new Hotspot.StatusForm(
                            path.get(s),
                            days.get(s),
                            reason(
                                    path.get(s),
                                    s > 0
                                            && path.get(s - 1) != Hotspot.Status.COMPLEX
                                            && path.get(s) == Hotspot.Status.COMPLEX,
                                    kind)));
        }
        if (status == null) {
            hotspots.remove(
                    Caller.SYSTEM,
                    province.id(),
                    hotspot.id(),
                    new Hotspot.RemovalForm(days.get(path.size()), decidedBy, (2000 + 11 * index) + "/QĐ-CAT"));
        }
        return new Made(hotspot.id(), district.code(), commune.id(), kind, designated);
    }

    /** The changes after designation (COMPLEX) that end in the status on 31/10/2017; removed ones end STABLE. */
    private static List<Hotspot.Status> path(Hotspot.Status last, int index) {
        Hotspot.Status complex = Hotspot.Status.COMPLEX;
        Hotspot.Status contained = Hotspot.Status.CONTAINED;
        if (last == null || last == Hotspot.Status.STABLE) {
            return List.of(contained, Hotspot.Status.STABLE);
        }
        if (last == contained) {
            return index % 7 == 3 ? List.of(contained, complex, contained) : List.of(contained);
        }
        return index % 2 == 0 ? List.of(contained, complex) : List.of(); // relapsed, or never contained
    }

    /** {@code count} days strictly after {@code from} and before {@code to}, in order, spread over the span. */
    private static List<LocalDate> days(LocalDate from, LocalDate to, int count, Random random) {
        long span = ChronoUnit.DAYS.between(from, to);
        List<LocalDate> days = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            double at = (j + 0.15 + random.nextDouble() * 0.45) / (count + 0.2);
            days.add(from.plusDays(Math.max(j + 1, Math.round(span * at))));
        }
        return days;
    }

    private int campaigns(UnitView province, List<Made> made, Random random) {
        record Plan(
                String name,
                Campaign.Kind kind,
                String organiser,
                LocalDate from,
                LocalDate to,
                String forces,
                int officers,
                Set<Hotspot.Kind> kinds) {}
        Set<Hotspot.Kind> any = Set.of(Hotspot.Kind.values());
        Set<Hotspot.Kind> drugs = Set.of(Hotspot.Kind.DRUGS);
        List<Plan> plans = List.of(
                new Plan(
                        "Cao điểm tấn công trấn áp tội phạm dịp Tết Nguyên đán Bính Thân 2016",
                        Campaign.Kind.CRACKDOWN,
                        "36",
                        LocalDate.of(2016, 1, 5),
                        LocalDate.of(2016, 2, 29),
                        "Công an tỉnh, công an các huyện, thành phố, công an xã",
                        860,
                        any),
                new Plan(
                        "Tổng kiểm tra, truy quét tụ điểm ma túy trên địa bàn thành phố Nam Định",
                        Campaign.Kind.CRACKDOWN,
                        "356",
                        LocalDate.of(2016, 4, 1),
                        LocalDate.of(2016, 6, 30),
                        "Đội Cảnh sát điều tra tội phạm về ma túy, công an các phường",
                        120,
                        drugs),
                new Plan(
                        "Tuần tra kiểm soát đêm khu vực chợ Rồng, bến xe và các tuyến phố trung tâm",
                        Campaign.Kind.PATROL,
                        "356",
                        LocalDate.of(2016, 7, 1),
                        LocalDate.of(2016, 12, 31),
                        "Cảnh sát cơ động, cảnh sát 113, bảo vệ dân phố",
                        95,
                        Set.of(Hotspot.Kind.THEFT, Hotspot.Kind.PUBLIC_ORDER)),
                new Plan(
                        "Truy quét tệ nạn cờ bạc, lô đề huyện Hải Hậu",
                        Campaign.Kind.CRACKDOWN,
                        "366",
                        LocalDate.of(2016, 8, 15),
                        LocalDate.of(2016, 10, 15),
                        "Công an huyện Hải Hậu, công an các xã",
                        70,
                        Set.of(Hotspot.Kind.GAMBLING, Hotspot.Kind.OTHER)),
                new Plan(
                        "Cao điểm tấn công trấn áp tội phạm dịp Tết Nguyên đán Đinh Dậu 2017",
                        Campaign.Kind.CRACKDOWN,
                        "36",
                        LocalDate.of(2016, 12, 15),
                        LocalDate.of(2017, 2, 28),
                        "Công an tỉnh, công an các huyện, thành phố, công an xã, dân quân",
                        940,
                        any),
                new Plan(
                        "Tuần tra bảo vệ lễ hội đầu xuân 2017 (Hội chợ Viềng, Phủ Dầy, đền Trần)",
                        Campaign.Kind.PATROL,
                        "36",
                        LocalDate.of(2017, 1, 28),
                        LocalDate.of(2017, 3, 15),
                        "Cảnh sát cơ động, cảnh sát giao thông, công an các huyện Vụ Bản, Mỹ Lộc và thành phố",
                        510,
                        Set.of(Hotspot.Kind.THEFT, Hotspot.Kind.PUBLIC_ORDER, Hotspot.Kind.GAMBLING)),
                new Plan(
                        "Truy quét ma túy tuyến ven biển Giao Thủy – Hải Hậu – Nghĩa Hưng",
                        Campaign.Kind.CRACKDOWN,
                        "36",
                        LocalDate.of(2017, 3, 1),
                        LocalDate.of(2017, 5, 31),
                        "Phòng Cảnh sát điều tra tội phạm về ma túy, Bộ đội Biên phòng tỉnh, công an ba huyện",
                        260,
                        drugs),
                new Plan(
                        "Tuần tra, kiểm soát trật tự công cộng khu du lịch biển Thịnh Long, Quất Lâm",
                        Campaign.Kind.PATROL,
                        "36",
                        LocalDate.of(2017, 5, 1),
                        LocalDate.of(2017, 8, 31),
                        "Công an huyện Hải Hậu, Giao Thủy, cảnh sát cơ động",
                        140,
                        Set.of(Hotspot.Kind.PUBLIC_ORDER, Hotspot.Kind.PROSTITUTION, Hotspot.Kind.THEFT)),
                new Plan(
                        "Truy quét tội phạm trộm cắp tài sản huyện Ý Yên",
                        Campaign.Kind.CRACKDOWN,
                        "360",
                        LocalDate.of(2017, 4, 10),
                        LocalDate.of(2017, 6, 10),
                        "Công an huyện Ý Yên, công an các xã",
                        65,
                        Set.of(Hotspot.Kind.THEFT, Hotspot.Kind.OTHER, Hotspot.Kind.GAMBLING)),
                new Plan(
                        "Cao điểm truy quét tội phạm ma túy huyện Trực Ninh, Nam Trực",
                        Campaign.Kind.CRACKDOWN,
                        "36",
                        LocalDate.of(2017, 6, 1),
                        LocalDate.of(2017, 7, 31),
                        "Phòng Cảnh sát điều tra tội phạm về ma túy, công an hai huyện",
                        150,
                        drugs),
                new Plan(
                        "Tuần tra bảo đảm an ninh, trật tự kỳ thi THPT quốc gia 2017",
                        Campaign.Kind.PATROL,
                        "36",
                        LocalDate.of(2017, 6, 15),
                        LocalDate.of(2017, 7, 5),
                        "Công an các huyện, thành phố, công an xã",
                        380,
                        Set.of(Hotspot.Kind.PUBLIC_ORDER)),
                new Plan(
                        "Truy quét tụ điểm mại dâm trá hình tại cơ sở karaoke, nhà nghỉ",
                        Campaign.Kind.CRACKDOWN,
                        "356",
                        LocalDate.of(2017, 8, 1),
                        LocalDate.of(2017, 10, 15),
                        "Phòng Cảnh sát quản lý hành chính về trật tự xã hội, công an thành phố",
                        85,
                        Set.of(Hotspot.Kind.PROSTITUTION, Hotspot.Kind.DRUGS)));
        Map<String, Set<String>> coastal = Map.of(
                "Truy quét ma túy tuyến ven biển Giao Thủy – Hải Hậu – Nghĩa Hưng",
                Set.of("365", "366", "361"),
                "Cao điểm truy quét tội phạm ma túy huyện Trực Ninh, Nam Trực",
                Set.of("363", "362"),
                "Tuần tra, kiểm soát trật tự công cộng khu du lịch biển Thịnh Long, Quất Lâm",
                Set.of("366", "365"));
        int recorded = 0;
        for (Plan plan : plans) {
            UnitView organiser = units.findByCode(Scope.WHOLE_COUNTRY, plan.organiser(), NamDinh2017.AS_OF)
                    .orElseThrow();
            Set<String> districts = coastal.get(plan.name());
            List<Made> targets = made.stream()
                    .filter(m ->
                            plan.kinds().contains(m.kind()) && m.designatedOn().isBefore(plan.from()))
                    .filter(m -> plan.organiser().equals("36")
                            ? districts == null || districts.contains(m.districtCode())
                            : plan.organiser().equals(m.districtCode()))
                    .limit(2 + random.nextInt(6))
                    .toList();
            Map<Long, Boolean> covered = new LinkedHashMap<>();
            for (Made m : targets) {
                covered.put(
                        plan.organiser().equals("36")
                                ? units.latest(Scope.WHOLE_COUNTRY, m.communeId())
                                        .orElseThrow()
                                        .parentId()
                                : m.communeId(),
                        true);
            }
            int arrests = targets.size() * 3 + random.nextInt(plan.officers() / 12 + 5);
            int rings = 1 + random.nextInt(Math.max(2, targets.size()));
            int cleared = Math.min(targets.size(), random.nextInt(3));
            int items = 4 + random.nextInt(60);
            String seized = plan.kinds().equals(drugs)
                    ? String.format(
                            "%d,%d g heroin, %d viên ma túy tổng hợp, %d xe máy, %d điện thoại",
                            3 + random.nextInt(40),
                            random.nextInt(10),
                            50 + random.nextInt(900),
                            2 + random.nextInt(8),
                            3 + random.nextInt(15))
                    : String.format(
                            "%d xe máy, %d điện thoại, %d.000.000 đồng, hung khí các loại",
                            2 + random.nextInt(9), 3 + random.nextInt(12), 5 + random.nextInt(90));
            campaigns.record(
                    Caller.SYSTEM,
                    organiser.id(),
                    new Campaign.Form(
                            plan.name(),
                            plan.kind(),
                            plan.from(),
                            plan.to(),
                            new ArrayList<>(covered.keySet()),
                            plan.forces(),
                            plan.officers(),
                            new Campaign.Results(
                                    arrests,
                                    rings,
                                    cleared,
                                    items,
                                    seized,
                                    "Đã lập hồ sơ xử lý hình sự và xử phạt hành chính các đối tượng; tuyên truyền, vận động "
                                            + "quần chúng tố giác tội phạm"),
                            targets.stream().map(Made::id).toList()));
            recorded++;
        }
        return recorded;
    }

    private static Hotspot.Kind kind(Random random, boolean urban) {
        int r = random.nextInt(100);
        if (r < 40) {
            return Hotspot.Kind.DRUGS;
        }
        if (r < 60) {
            return Hotspot.Kind.GAMBLING;
        }
        if (r < 75) {
            return Hotspot.Kind.THEFT;
        }
        if (r < 88) {
            return Hotspot.Kind.PUBLIC_ORDER;
        }
        if (r < 95) {
            return urban ? Hotspot.Kind.PROSTITUTION : Hotspot.Kind.GAMBLING;
        }
        return Hotspot.Kind.OTHER;
    }

    private static String name(Hotspot.Kind kind, String place) {
        return switch (kind) {
            case DRUGS -> "Tụ điểm mua bán, sử dụng trái phép chất ma túy khu vực " + place;
            case GAMBLING -> "Tụ điểm cờ bạc, lô đề khu vực " + place;
            case THEFT -> "Khu vực phức tạp về trộm cắp tài sản " + place;
            case PROSTITUTION -> "Tụ điểm mại dâm trá hình tại cơ sở kinh doanh dịch vụ khu vực " + place;
            case PUBLIC_ORDER -> "Khu vực thường xảy ra gây rối trật tự công cộng " + place;
            case OTHER -> "Khu vực phức tạp về tranh chấp, khiếu kiện đông người " + place;
        };
    }

    private static String complexReason(Hotspot.Kind kind) {
        return switch (kind) {
            case DRUGS -> "Nhiều đối tượng nghiện tụ tập mua bán, sử dụng ma túy; nhân dân nhiều lần phản ánh";
            case GAMBLING -> "Tổ chức đánh bạc, ghi lô đề công khai, kéo dài; phát sinh vay nặng lãi";
            case THEFT -> "Trộm cắp xe máy, tài sản xảy ra liên tục, chưa phát hiện được đối tượng";
            case PROSTITUTION -> "Hoạt động mại dâm trá hình tại các cơ sở karaoke, nhà nghỉ";
            case PUBLIC_ORDER -> "Thanh thiếu niên tụ tập gây rối, đánh nhau, đua xe trái phép";
            case OTHER -> "Tranh chấp đất đai, khiếu kiện đông người kéo dài";
        };
    }

    private static String reason(Hotspot.Status status, boolean relapse, Hotspot.Kind kind) {
        if (relapse) {
            return "Tái phát: xuất hiện đối tượng mới từ nơi khác đến hoạt động, nhân dân tiếp tục phản ánh";
        }
        return switch (status) {
            case CONTAINED ->
                kind == Hotspot.Kind.DRUGS
                        ? "Qua truy quét đã bắt giữ các đối tượng cầm đầu, đưa người nghiện đi cai nghiện; tình hình cơ bản được kiềm chế"
                        : "Đã xử lý các đối tượng chính, duy trì tuần tra; vụ việc giảm rõ rệt, cơ bản được kiềm chế";
            case STABLE ->
                "Không phát sinh vụ việc trong 6 tháng liên tục; tổ an ninh nhân dân và quần chúng tích cực tố giác";
            case COMPLEX -> "Tình hình diễn biến phức tạp trở lại";
        };
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
