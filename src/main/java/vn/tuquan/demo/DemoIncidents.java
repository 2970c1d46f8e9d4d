package vn.tuquan.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.IncidentStatus;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Incidents of Nam Định for the 2016 and 2017 periods (residential areas' periods under TT 23:
 * 31/10/2015 → 31/10/2016 and 31/10/2016 → 31/10/2017), deterministic and plausible: crimes in
 * most residential areas, more in towns' residential groups than in villages, so that exactly
 * {@value #NO_CRIME_AREAS} of them have no crime in the 2017 period (F13); social evils, drug
 * offences, traffic accidents and fires in communes; a few criterion-3 security events; thefts,
 * labour accidents, a strike and staff offences in organisations; school violence in a school.
 * Seeded by the units' codes and names, never by database ids.
 */
@Component
class DemoIncidents {

    static final int NO_CRIME_AREAS = 1081;
    static final Period PERIOD_2016 = Period.residentialArea(2016);
    static final Period PERIOD_2017 = Period.residentialArea(2017);

    private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);
    private static final String[] CRIMES = {
        "CRIME_THEFT",
        "CRIME_THEFT",
        "CRIME_THEFT",
        "CRIME_ASSAULT",
        "CRIME_ASSAULT",
        "CRIME_SNATCHING",
        "CRIME_FRAUD",
        "CRIME_GAMBLING",
        "CRIME_DISORDER",
        "CRIME_ROBBERY",
        "CRIME_MURDER",
        "CRIME_OTHER"
    };
    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("CRIME_THEFT", "Mất trộm xe máy, tài sản trong nhà"),
            Map.entry("CRIME_ASSAULT", "Xô xát, gây thương tích sau mâu thuẫn"),
            Map.entry("CRIME_SNATCHING", "Cướp giật túi xách trên đường"),
            Map.entry("CRIME_FRAUD", "Lừa đảo chiếm đoạt tiền qua điện thoại"),
            Map.entry("CRIME_GAMBLING", "Bắt quả tang đánh bạc ăn tiền"),
            Map.entry("CRIME_DISORDER", "Gây rối trật tự công cộng"),
            Map.entry("CRIME_ROBBERY", "Cướp tài sản"),
            Map.entry("CRIME_MURDER", "Giết người do mâu thuẫn gia đình"),
            Map.entry("CRIME_OTHER", "Vụ phạm tội khác"),
            Map.entry("SOCIAL_EVIL_GAMBLING", "Tụ tập đánh bài"),
            Map.entry("SOCIAL_EVIL_DRUGS", "Phát hiện người sử dụng trái phép chất ma túy"),
            Map.entry("SOCIAL_EVIL_PROSTITUTION", "Hoạt động mại dâm tại nhà nghỉ"),
            Map.entry("DRUG_POSSESSION", "Tàng trữ trái phép chất ma túy"),
            Map.entry("DRUG_TRAFFICKING", "Mua bán trái phép chất ma túy"),
            Map.entry("TRAFFIC_ACCIDENT", "Va chạm giao thông trên quốc lộ"),
            Map.entry("FIRE", "Cháy nhà dân"),
            Map.entry("SECURITY_C", "Truyền đạo trái pháp luật tại nhà dân"),
            Map.entry("SECURITY_D", "Lợi dụng tranh chấp đất đai kích động khiếu kiện"),
            Map.entry("SECURITY_E", "Tranh chấp đất đai kéo dài giữa các hộ"),
            Map.entry("HIGH_VALUE_THEFT", "Mất trộm thiết bị, vật tư có giá trị lớn"),
            Map.entry("LABOUR_ACCIDENT", "Tai nạn lao động trong xưởng sản xuất"),
            Map.entry("ILLEGAL_STRIKE", "Công nhân ngừng việc tập thể trái pháp luật"),
            Map.entry("STAFF_OFFENCE", "Nhân viên vi phạm pháp luật"),
            Map.entry("SCHOOL_VIOLENCE", "Học sinh đánh nhau ngoài cổng trường"),
            Map.entry("MASS_COMPLAINT", "Đông người khiếu kiện về đền bù đất"),
            Map.entry("EXPLOSION", "Nổ bình gas tại cơ sở kinh doanh"));
    /** Rough centres of Nam Định's districts (2017 codes), for coordinates without a map of the villages. */
    private static final Map<String, double[]> DISTRICT_CENTRES = Map.of(
            "356",
            new double[] {20.43, 106.17},
            "358",
            new double[] {20.46, 106.12},
            "359",
            new double[] {20.37, 106.08},
            "360",
            new double[] {20.32, 106.02},
            "361",
            new double[] {20.12, 106.17},
            "362",
            new double[] {20.34, 106.21},
            "363",
            new double[] {20.25, 106.24},
            "364",
            new double[] {20.30, 106.33},
            "365",
            new double[] {20.25, 106.45},
            "366",
            new double[] {20.14, 106.28});

    private static final String[] SOURCES = {"PATROL", "PATROL", "TIP_OFF", "TIP_OFF", "TIP_OFF", "OTHER_AGENCY"};

    private final Units units;
    private final Incidents incidents;

    DemoIncidents(Units units, Incidents incidents) {
        this.units = units;
        this.incidents = incidents;
    }

    /** One incident to be: the form and the status it has reached. */
    private record Planned(IncidentForm form, IncidentStatus status) {}

    void loadIfAbsent() {
        Scope all = Scope.WHOLE_COUNTRY;
        if (incidents.list(all, IncidentFilter.all(), 0, 1).total() > 0) {
            return;
        }
        long started = System.nanoTime();
        UnitView province =
                units.findByCode(all, NamDinh2017.PROVINCE, NamDinh2017.AS_OF).orElseThrow();
        List<UnitView> districts = units.subtree(
                        all, province.id(), Set.of(UnitKind.DISTRICT), NamDinh2017.AS_OF, 100, 0)
                .units();
        Map<Long, double[]> centres = new HashMap<>();
        List<UnitView> communes = new ArrayList<>();
        for (UnitView district : districts) {
            for (UnitView commune : units.subtree(
                            all, district.id(), Set.of(UnitKind.COMMUNE), NamDinh2017.AS_OF, 1000, 0)
                    .units()) {
                Random r = new Random(seed(commune.code()));
                double[] d = DISTRICT_CENTRES.getOrDefault(district.code(), new double[] {20.3, 106.2});
                centres.put(commune.id(), new double[] {
                    d[0] + (r.nextDouble() - 0.5) * 0.1, d[1] + (r.nextDouble() - 0.5) * 0.1
                });
                communes.add(commune);
            }
        }
        communes.sort(Comparator.comparing(UnitView::code));
        List<Planned> planned = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        for (UnitView commune : communes) {
            boolean urban = !"XA".equals(commune.subkind());
            for (UnitView area : units.children(all, commune.id(), NamDinh2017.AS_OF)) {
                if (area.kind() == UnitKind.RESIDENTIAL_AREA) {
                    Random r = new Random(seed(commune.code() + "/" + area.code()));
                    // the risk of crime: towns' residential groups more than villages
                    areas.add(new Area(area, commune, urban, r.nextDouble() + (urban ? 0.45 : 0)));
                }
            }
        }
        if (areas.size() <= NO_CRIME_AREAS) {
            log.warn("Demo data: only {} residential areas, no incidents generated", areas.size());
            return;
        }
        areas.sort(Comparator.comparingDouble(Area::risk)
                .thenComparing(a -> a.commune().code() + "/" + a.unit().code()));
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            Random r = new Random(
                    seed("incidents/" + a.commune().code() + "/" + a.unit().code()));
            double[] centre = centres.get(a.commune().id());
            boolean crimeFree2017 = i < NO_CRIME_AREAS;
            if (!crimeFree2017) {
                int crimes = 1 + (a.urban() ? r.nextInt(3) : r.nextInt(10) < 7 ? 0 : 1);
                for (int c = 0; c < crimes; c++) {
                    planned.add(crime(r, a.unit().id(), centre, PERIOD_2017.firstEventDay(), PERIOD_2017.to(), true));
                }
            }
            if (r.nextInt(100) < (a.urban() ? 60 : 40)) {
                // the 2016 period (its events: 01/11/2015 – 31/10/2016)
                planned.add(crime(r, a.unit().id(), centre, PERIOD_2016.firstEventDay(), PERIOD_2016.to(), false));
            }
            if (r.nextInt(100) < 12) {
                String code = pick(
                        r,
                        "SOCIAL_EVIL_GAMBLING",
                        "SOCIAL_EVIL_DRUGS",
                        "SOCIAL_EVIL_GAMBLING",
                        "SOCIAL_EVIL_PROSTITUTION");
                planned.add(
                        other(r, a.unit().id(), centre, code, null, null, r.nextBoolean() ? PERIOD_2017 : PERIOD_2016));
            }
            if (!crimeFree2017 && r.nextInt(100) < 4) {
                planned.add(other(
                        r,
                        a.unit().id(),
                        centre,
                        pick(r, "DRUG_POSSESSION", "DRUG_TRAFFICKING"),
                        pick(r, "LESS_SERIOUS", "SERIOUS", "VERY_SERIOUS"),
                        null,
                        PERIOD_2017));
            }
        }
        // criterion 3: a few events on villages that already had crimes
        String[] security = {"SECURITY_D", "SECURITY_E", "SECURITY_C", "SECURITY_E", "SECURITY_D", "SECURITY_E"};
        for (int k = 0; k < security.length; k++) {
            Area a = areas.get(areas.size() - 1 - k * 97);
            Random r = new Random(seed("security/" + k));
            planned.add(other(
                    r,
                    a.unit().id(),
                    centres.get(a.commune().id()),
                    security[k],
                    null,
                    null,
                    k < 4 ? PERIOD_2017 : PERIOD_2016));
        }
        // communes: traffic accidents on the main roads, fires, a mass complaint
        for (UnitView commune : communes) {
            Random r = new Random(seed("commune/" + commune.code()));
            double[] centre = centres.get(commune.id());
            int accidents = r.nextInt(3);
            for (int k = 0; k < accidents; k++) {
                planned.add(other(
                        r,
                        commune.id(),
                        centre,
                        "TRAFFIC_ACCIDENT",
                        r.nextInt(5) == 0 ? "SERIOUS" : null,
                        r.nextBoolean(),
                        r.nextBoolean() ? PERIOD_2017 : PERIOD_2016));
            }
            if (r.nextInt(6) == 0) {
                planned.add(other(
                        r,
                        commune.id(),
                        centre,
                        "FIRE",
                        r.nextInt(4) == 0 ? "SERIOUS" : null,
                        r.nextInt(3) == 0,
                        r.nextBoolean() ? PERIOD_2017 : PERIOD_2016));
            }
            if (r.nextInt(60) == 0) {
                planned.add(other(r, commune.id(), centre, "MASS_COMPLAINT", null, null, PERIOD_2017));
            }
        }
        organisations(province, centres, planned);
        List<IncidentForm> forms = planned.stream().map(Planned::form).toList();
        List<IncidentStatus> statuses = planned.stream().map(Planned::status).toList();
        incidents.recordAll(Caller.SYSTEM, "demo", forms, statuses);
        log.info(
                "Demo data: {} incidents, {} of {} residential areas without crime in the 2017 period ({} ms)",
                forms.size(),
                NO_CRIME_AREAS,
                areas.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private record Area(UnitView unit, UnitView commune, boolean urban, double risk) {}

    /** Organisations: thefts and labour accidents in enterprises, a strike, staff offences, school violence. */
    private void organisations(UnitView province, Map<Long, double[]> centres, List<Planned> planned) {
        List<UnitView> organisations = new ArrayList<>(units.subtree(
                        Scope.WHOLE_COUNTRY,
                        province.id(),
                        Set.of(UnitKind.ENTERPRISE, UnitKind.AGENCY, UnitKind.SCHOOL, UnitKind.HOSPITAL),
                        NamDinh2017.AS_OF,
                        1000,
                        0)
                .units());
        organisations.sort(Comparator.comparing(UnitView::name));
        for (UnitView o : organisations) {
            Random r = new Random(seed("organisation/" + o.name()));
            double[] centre = centres.getOrDefault(o.parentId(), new double[] {20.43, 106.17});
            switch (o.kind()) {
                case ENTERPRISE -> {
                    if (r.nextInt(3) > 0) {
                        planned.add(other(r, o.id(), centre, "HIGH_VALUE_THEFT", null, null, PERIOD_2017));
                    }
                    if (r.nextBoolean()) {
                        planned.add(other(
                                r,
                                o.id(),
                                centre,
                                "LABOUR_ACCIDENT",
                                r.nextInt(3) == 0 ? "SERIOUS" : null,
                                r.nextBoolean(),
                                r.nextBoolean() ? PERIOD_2017 : PERIOD_2016));
                    }
                    if (o.name().contains("Dệt may Sơn Nam")) {
                        planned.add(other(r, o.id(), centre, "ILLEGAL_STRIKE", null, null, PERIOD_2016));
                        planned.add(other(r, o.id(), centre, "EXPLOSION", null, true, PERIOD_2017));
                        planned.add(other(r, o.id(), centre, "LABOUR_ACCIDENT", "SERIOUS", true, PERIOD_2017));
                    }
                }
                case SCHOOL -> {
                    if (o.name().contains("Hải Hậu A")) {
                        planned.add(other(r, o.id(), centre, "SCHOOL_VIOLENCE", null, null, PERIOD_2017));
                        planned.add(other(r, o.id(), centre, "SCHOOL_VIOLENCE", null, null, PERIOD_2016));
                    }
                }
                case AGENCY, HOSPITAL -> {
                    if (r.nextInt(4) == 0) {
                        planned.add(other(r, o.id(), centre, "STAFF_OFFENCE", "LESS_SERIOUS", null, PERIOD_2017));
                    }
                }
                default -> {}
            }
        }
    }

    private Planned crime(Random r, long unitId, double[] centre, LocalDate from, LocalDate to, boolean recent) {
        String code = CRIMES[r.nextInt(CRIMES.length)];
        int roll = r.nextInt(100);
        String severity = code.equals("CRIME_MURDER")
                ? "ESPECIALLY_SERIOUS"
                : roll < 70 ? "LESS_SERIOUS" : roll < 92 ? "SERIOUS" : "VERY_SERIOUS";
        OffsetDateTime occurred = instant(r, from, to);
        return new Planned(
                new IncidentForm(
                        unitId,
                        code,
                        severity,
                        null,
                        occurred,
                        occurred.plus(delay(r)),
                        SOURCES[r.nextInt(SOURCES.length)],
                        near(r, centre[0]),
                        near(r, centre[1]),
                        SUMMARIES.get(code)),
                status(r, recent));
    }

    private Planned other(
            Random r, long unitId, double[] centre, String code, String severity, Boolean subjective, Period period) {
        OffsetDateTime occurred = instant(r, period.firstEventDay(), period.to());
        return new Planned(
                new IncidentForm(
                        unitId,
                        code,
                        severity,
                        subjective,
                        occurred,
                        occurred.plus(delay(r)),
                        SOURCES[r.nextInt(SOURCES.length)],
                        near(r, centre[0]),
                        near(r, centre[1]),
                        SUMMARIES.get(code)),
                status(r, period == PERIOD_2017));
    }

    /** A moment between the first day's 00:00 and the last day's 23:59 in Vietnam, by the minute. */
    private static OffsetDateTime instant(Random r, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(Dates.VIETNAM).toOffsetDateTime();
        long minutes = Duration.between(
                        start, to.plusDays(1).atStartOfDay(Dates.VIETNAM).toOffsetDateTime())
                .toMinutes();
        return start.plusMinutes((long) (r.nextDouble() * minutes));
    }

    private static Duration delay(Random r) {
        return Duration.ofMinutes(10 + r.nextInt(600));
    }

    private static IncidentStatus status(Random r, boolean recent) {
        if (!recent) {
            return IncidentStatus.CLOSED;
        }
        int roll = r.nextInt(100);
        return roll < 70
                ? IncidentStatus.CLOSED
                : roll < 90 ? IncidentStatus.UNDER_INVESTIGATION : IncidentStatus.VERIFIED;
    }

    private static double near(Random r, double value) {
        return Math.round((value + (r.nextDouble() - 0.5) * 0.02) * 1e6) / 1e6;
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static long seed(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }
}
