package vn.tuquan.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tuquan.order.DrugUser;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.ImportedDrugUser;
import vn.tuquan.order.Mediation;
import vn.tuquan.order.Mediations;
import vn.tuquan.order.PersonDetails;
import vn.tuquan.order.PersonStatistics;
import vn.tuquan.order.ReEducation;
import vn.tuquan.order.ReEducations;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Drug users, mediations and community re-education cases of Nam Định for 2016–2017, seeded by
 * the units' codes. In the 2017 period (31/10/2016 → 31/10/2017, TT 23) exactly
 * {@value #AREAS_WITHOUT} residential areas and {@value #COMMUNES_WITHOUT} communes have no drug
 * user (F13; "no drug user" as docs/order.md defines it): twelve rural communes without any, and
 * among the other communes the areas chosen by a seeded score (wards' areas less often), every
 * other commune keeping at least one area with a drug user. Some areas without a drug user hold a
 * record that does not count for 2017 (recovered before the period, or detected after it).
 */
@Component
class DemoPersons {

    static final int YEAR = 2017;
    static final int AREAS_WITHOUT = 807;
    static final int COMMUNES_WITHOUT = 12;

    private static final Logger log = LoggerFactory.getLogger(DemoPersons.class);
    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đặng", "Bùi", "Đỗ", "Hoàng", "Ngô", "Đinh", "Phan", "Mai", "Đoàn",
        "Trịnh", "Lương"
    };
    private static final String[] MIDDLE = {"Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công", "Xuân", "Thị"};
    private static final String[] GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Trung",
        "Tuấn", "Việt", "Hoa", "Lan"
    };
    private static final String[] SUBJECTS = {
        "Tranh chấp ranh giới đất",
        "Mâu thuẫn giữa hàng xóm",
        "Mâu thuẫn gia đình",
        "Tranh chấp lối đi chung",
        "Tranh chấp về nợ",
        "Mâu thuẫn do chăn nuôi gây ô nhiễm",
        "Tranh chấp thừa kế"
    };
    private static final String[] RESPONSIBLE = {
        "Hội Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Mặt trận Tổ quốc", "Công an xã"
    };

    private final Units units;
    private final DrugUsers drugUsers;
    private final Mediations mediations;
    private final ReEducations reEducations;
    private final PersonStatistics statistics;

    DemoPersons(
            Units units,
            DrugUsers drugUsers,
            Mediations mediations,
            ReEducations reEducations,
            PersonStatistics statistics) {
        this.units = units;
        this.drugUsers = drugUsers;
        this.mediations = mediations;
        this.reEducations = reEducations;
        this.statistics = statistics;
    }

    void loadIfAbsent() {
        Period period = Period.residentialArea(YEAR);
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, period.to())
                .orElseThrow();
        var total = statistics
                .counts(Scope.WHOLE_COUNTRY, province.id(), YEAR, Set.of())
                .get(0);
        if (total.activeDrugUsers() + total.reconciled() + total.notReconciled() > 0) {
            return;
        }
        long started = System.nanoTime();
        List<UnitView> communes = new ArrayList<>(
                units.subtree(Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.COMMUNE), period.to(), 1000, 0)
                        .units());
        communes.sort(Comparator.comparing(UnitView::code));
        Map<Long, List<UnitView>> areas = new HashMap<>();
        for (UnitView commune : communes) {
            areas.put(
                    commune.id(),
                    units.children(Scope.WHOLE_COUNTRY, commune.id(), period.to()).stream()
                            .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                            .sorted(Comparator.comparing(UnitView::code))
                            .toList());
        }
        // twelve rural communes (xã) with no drug user: the lowest seeded scores
        List<UnitView> rural = communes.stream()
                .filter(c -> c.name().startsWith("Xã") && !areas.get(c.id()).isEmpty())
                .sorted(Comparator.comparingDouble(c -> score(c.code())))
                .toList();
        Set<Long> cleanCommunes = new HashSet<>();
        rural.subList(0, COMMUNES_WITHOUT).forEach(c -> cleanCommunes.add(c.id()));
        int cleanInCleanCommunes =
                cleanCommunes.stream().mapToInt(id -> areas.get(id).size()).sum();
        // among the other communes, every area but the one with the highest score may be clean
        List<UnitView> candidates = new ArrayList<>();
        Map<Long, Double> scores = new HashMap<>();
        for (UnitView commune : communes) {
            if (cleanCommunes.contains(commune.id())) {
                continue;
            }
            boolean town = !commune.name().startsWith("Xã");
            List<UnitView> own = new ArrayList<>(areas.get(commune.id()));
            own.forEach(a -> scores.put(a.id(), score(a.code()) + (town ? 0.6 : 0)));
            own.sort(Comparator.comparingDouble(a -> scores.get(a.id())));
            if (!own.isEmpty()) {
                candidates.addAll(own.subList(0, own.size() - 1));
            }
        }
        candidates.sort(Comparator.comparingDouble(a -> scores.get(a.id())));
        Set<Long> cleanAreas = new HashSet<>();
        candidates.subList(0, AREAS_WITHOUT - cleanInCleanCommunes).forEach(a -> cleanAreas.add(a.id()));
        cleanCommunes.forEach(id -> areas.get(id).forEach(a -> cleanAreas.add(a.id())));

        List<ImportedDrugUser> users = new ArrayList<>();
        List<Map.Entry<Long, Mediation.Form>> cases = new ArrayList<>();
        List<ReEducation> reEducated = new ArrayList<>();
        for (UnitView commune : communes) {
            boolean town = !commune.name().startsWith("Xã");
            Random random = new Random(Long.parseLong(commune.code()) * 7_919);
            if (areas.get(commune.id()).isEmpty() && !cleanCommunes.contains(commune.id())) {
                users.add(active(commune, commune, random, period));
            }
            for (UnitView area : areas.get(commune.id())) {
                String address = area.name() + ", " + commune.name() + ", tỉnh Nam Định";
                if (cleanAreas.contains(area.id())) {
                    if (random.nextInt(12) == 0) {
                        users.add(recoveredBefore(area, address, random, period));
                    } else if (random.nextInt(12) == 0) {
                        users.add(new ImportedDrugUser(
                                area.id(),
                                new DrugUser.Form(
                                        person(address, random), period.to().plusDays(1 + random.nextInt(60))),
                                List.of()));
                    }
                } else {
                    int count = 1 + random.nextInt(town ? 3 : 2) - (random.nextInt(3) == 0 ? 0 : (town ? 0 : 1));
                    for (int i = 0; i < Math.max(1, count); i++) {
                        users.add(active(area, commune, random, period));
                    }
                }
                int held = random.nextInt(town ? 3 : 2);
                for (int i = 0; i < held; i++) {
                    LocalDate on = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(700));
                    cases.add(Map.entry(
                            area.id(),
                            new Mediation.Form(
                                    on,
                                    name(random) + " và " + name(random),
                                    SUBJECTS[random.nextInt(SUBJECTS.length)],
                                    random.nextInt(10) < 8
                                            ? Mediation.Outcome.RECONCILED
                                            : Mediation.Outcome.NOT_RECONCILED,
                                    "Tổ hòa giải " + area.name())));
                }
                if (random.nextInt(town ? 8 : 14) == 0) {
                    LocalDate start = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(600));
                    boolean ended = random.nextInt(3) > 0;
                    reEducated.add(new ReEducation(
                            0,
                            area.id(),
                            start,
                            ended ? start.plusMonths(3 + random.nextInt(4)) : null,
                            ended
                                    ? (random.nextInt(6) > 0
                                            ? ReEducation.Outcome.REFORMED
                                            : ReEducation.Outcome.NOT_REFORMED)
                                    : null,
                            RESPONSIBLE[random.nextInt(RESPONSIBLE.length)] + " " + commune.name(),
                            person(address, random),
                            "system"));
                }
            }
        }
        drugUsers.recordAll(Caller.SYSTEM, province.id(), users);
        mediations.recordAll(Caller.SYSTEM, province.id(), cases);
        reEducations.recordAll(Caller.SYSTEM, province.id(), reEducated);
        log.info(
                "Demo persons: {} drug users, {} mediations, {} re-education cases in {} ms",
                users.size(),
                cases.size(),
                reEducated.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A drug user whose record is active in the period: detected before it and still a drug user, or new in it. */
    private static ImportedDrugUser active(UnitView unit, UnitView commune, Random random, Period period) {
        String address = (unit == commune ? "" : unit.name() + ", ") + commune.name() + ", tỉnh Nam Định";
        boolean isNew = random.nextInt(10) < 4;
        LocalDate detected = isNew
                ? period.from().plusDays(random.nextInt(366))
                : period.from().minusDays(30 + random.nextInt(700));
        List<DrugUser.StatusChange> later = new ArrayList<>();
        LocalDate treated = detected.plusDays(20 + random.nextInt(90));
        if (treated.isBefore(period.to()) && random.nextInt(3) > 0) {
            later.add(new DrugUser.StatusChange(DrugUser.Status.IN_TREATMENT, treated, null, null));
            if (random.nextInt(4) == 0) {
                later.add(new DrugUser.StatusChange(
                        DrugUser.Status.RELAPSED, treated.plusDays(120 + random.nextInt(200)), null, null));
            }
        }
        return new ImportedDrugUser(unit.id(), new DrugUser.Form(person(address, random), detected), later);
    }

    /** Detected years before the period and recovered before it started: not a drug user in the period. */
    private static ImportedDrugUser recoveredBefore(UnitView area, String address, Random random, Period period) {
        LocalDate recovered = period.from().minusDays(1 + random.nextInt(300));
        LocalDate detected = recovered.minusDays(200 + random.nextInt(500));
        return new ImportedDrugUser(
                area.id(),
                new DrugUser.Form(person(address, random), detected),
                List.of(
                        new DrugUser.StatusChange(DrugUser.Status.IN_TREATMENT, detected.plusDays(30), null, null),
                        new DrugUser.StatusChange(
                                DrugUser.Status.RECOVERED, recovered, "Cai nghiện thành công", null)));
    }

    private static PersonDetails person(String address, Random random) {
        String id = "036" + (random.nextBoolean() ? "0" : "2") + String.format("%08d", random.nextInt(100_000_000));
        return new PersonDetails(name(random), Integer.toString(1968 + random.nextInt(32)), id, address);
    }

    private static String name(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** A seeded score in [0, 1) for a unit code: the same every time. */
    private static double score(String code) {
        return new Random(code.hashCode() * 1_000_003L).nextDouble();
    }
}
