package vn.tuquan.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.tuquan.households.Household;
import vn.tuquan.households.Households;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The movement's part of the demo, deterministic: models in the villages of a few communes of Hải
 * Hậu with their 2016–2017 assessments and cameras, models in the organisations, the ten-year final
 * reviews of F7 (13 communes, 2 districts, 11 agencies and enterprises), titles of 2017 and an
 * emulation agreement. Loaded once: nothing is added when the province already has models.
 */
@Component
@Profile("demo")
class DemoMovement {

    private static final Logger log = LoggerFactory.getLogger(DemoMovement.class);
    private static final LocalDate TEN_YEARS_FROM = LocalDate.of(2007, 7, 1);
    private static final LocalDate TEN_YEARS_TO = LocalDate.of(2017, 6, 30);

    private final Units units;
    private final Models models;
    private final Conferences conferences;
    private final Titles titles;
    private final Households households;

    DemoMovement(Units units, Models models, Conferences conferences, Titles titles, Households households) {
        this.households = households;
        this.units = units;
        this.models = models;
        this.conferences = conferences;
        this.titles = titles;
    }

    void loadIfAbsent() {
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, NamDinh2017.AS_OF)
                .orElseThrow();
        if (!models.under(Scope.WHOLE_COUNTRY, province.id()).isEmpty()) {
            return;
        }
        Caller system = Caller.SYSTEM;
        int created = 0;
        UnitView haiHau = byCode("366");
        List<UnitView> communes = new ArrayList<>(
                kinds(haiHau, UnitKind.COMMUNE).stream().limit(4).toList());
        communes.add(0, byCode("14233"));
        int v = 0;
        for (UnitView commune : communes.stream().distinct().toList()) {
            for (UnitView village : units.children(Scope.WHOLE_COUNTRY, commune.id(), NamDinh2017.AS_OF)) {
                if (village.kind() != UnitKind.RESIDENTIAL_AREA) {
                    continue;
                }
                v++;
                MovementModel team = models.create(
                        system,
                        village.id(),
                        new MovementModel.Form(
                                "PEOPLES_SECURITY_TEAM",
                                "Tổ an ninh nhân dân " + village.name(),
                                LocalDate.of(2012, 3, 1 + v % 27),
                                null,
                                "Tổ trưởng " + village.name(),
                                8 + v % 7,
                                List.of("Toàn dân đoàn kết xây dựng đời sống văn hóa")));
                models.assess(
                        system, village.id(), team.id(), 2016, true, "Duy trì tuần tra, phát hiện và báo tin kịp thời");
                boolean effective = v % 5 != 0;
                models.assess(
                        system,
                        village.id(),
                        team.id(),
                        2017,
                        effective,
                        effective
                                ? "Hòa giải thành các mâu thuẫn trong khu dân cư, không để phát sinh tội phạm"
                                : "Ít hoạt động, chưa tham gia tuần tra đều đặn");
                created++;
                if (v % 2 == 0) {
                    MovementModel gong = models.create(
                            system,
                            village.id(),
                            new MovementModel.Form(
                                    "SAFETY_GONG",
                                    "Tiếng kẻng an toàn " + village.name(),
                                    LocalDate.of(2014, 5, 1),
                                    null,
                                    null,
                                    null,
                                    List.of()));
                    models.assess(system, village.id(), gong.id(), 2017, true, "Kẻng báo động khi có trộm, cháy");
                    created++;
                }
                if (v % 3 == 0) {
                    models.register(
                            system,
                            village.id(),
                            new Camera.Form(
                                    null,
                                    20.17 + (v % 11) * 0.004,
                                    106.25 + (v % 13) * 0.004,
                                    "Hộ gia đình ông Trần Văn " + (char) ('A' + v % 20),
                                    "Ngã ba đường trục " + village.name(),
                                    LocalDate.of(2017, 4, 1)));
                }
            }
        }
        UnitView provinceUnit = province;
        String[][] organisationModels = {
            {"SCHOOL", "SAFE_SCHOOL", "Trường học an toàn"},
            {"AGENCY", "SAFE_AGENCY", "Cơ quan an toàn"},
            {"HOSPITAL", "SAFE_AGENCY", "Đơn vị an toàn"},
            {"ENTERPRISE", "SAFE_AGENCY", "Doanh nghiệp an toàn"},
            {"INDUSTRIAL_ZONE", "SAFE_INDUSTRIAL_ZONE", "Khu công nghiệp an toàn"},
            {"PAGODA", "DILIGENT_PAGODA", "Chùa tinh tiến"},
            {"PARISH", "ADVANCED_PARISH", "Xứ họ đạo tiên tiến"},
            {"SUB_PARISH", "ADVANCED_PARISH", "Xứ họ đạo tiên tiến"}
        };
        List<UnitView> organisations = new ArrayList<>();
        for (String[] m : organisationModels) {
            for (UnitView unit : kinds(provinceUnit, UnitKind.valueOf(m[0]))) {
                models.create(
                        system,
                        unit.id(),
                        new MovementModel.Form(
                                m[1], m[2] + " " + unit.name(), LocalDate.of(2013, 9, 1), null, null, null, List.of()));
                created++;
                if (unit.kind() == UnitKind.AGENCY
                        || unit.kind() == UnitKind.ENTERPRISE
                        || unit.kind() == UnitKind.HOSPITAL
                        || unit.kind() == UnitKind.INDUSTRIAL_ZONE
                        || unit.kind() == UnitKind.SCHOOL) {
                    organisations.add(unit);
                }
            }
        }
        // F7: the ten-year final reviews
        List<UnitView> reviewing = new ArrayList<>();
        reviewing.addAll(
                kinds(provinceUnit, UnitKind.COMMUNE).stream().limit(13).toList());
        reviewing.addAll(
                kinds(provinceUnit, UnitKind.DISTRICT).stream().limit(2).toList());
        reviewing.addAll(organisations.stream().limit(11).toList());
        int r = 0;
        for (UnitView unit : reviewing) {
            r++;
            conferences.record(
                    system,
                    unit.id(),
                    new Conference.Form(
                            Conference.Kind.FINAL,
                            "Tổng kết 10 năm phong trào toàn dân tham gia mô hình tự quản, tự phòng, tự bảo vệ",
                            LocalDate.of(2017, 7, 10 + r % 20),
                            TEN_YEARS_FROM,
                            TEN_YEARS_TO,
                            60 + (r * 17) % 140,
                            null,
                            List.of("Toàn dân bảo vệ an ninh Tổ quốc")));
        }
        conferences.record(
                system,
                provinceUnit.id(),
                new Conference.Form(
                        Conference.Kind.INTERIM,
                        "Sơ kết 3 năm mô hình trong đồng bào Phật giáo",
                        LocalDate.of(2016, 12, 15),
                        LocalDate.of(2014, 1, 1),
                        LocalDate.of(2016, 11, 30),
                        150,
                        null,
                        List.of()));
        // F15, F16: titles of 2017
        List<UnitView> parishes = kinds(provinceUnit, UnitKind.PARISH);
        for (UnitView parish : parishes) {
            titles.award(
                    system,
                    parish.id(),
                    new Title.AwardForm(
                            "ADVANCED_PARISH",
                            2017,
                            null,
                            "Ủy ban nhân dân tỉnh Nam Định",
                            "2931/QĐ-UBND",
                            LocalDate.of(2017, 12, 22)));
        }
        List<UnitView> pagodas = kinds(provinceUnit, UnitKind.PAGODA);
        for (UnitView pagoda :
                pagodas.stream().limit(Math.max(0, pagodas.size() - 1)).toList()) {
            titles.award(
                    system,
                    pagoda.id(),
                    new Title.AwardForm(
                            "DILIGENT_PAGODA",
                            2017,
                            null,
                            "Ủy ban nhân dân tỉnh Nam Định",
                            "2932/QĐ-UBND",
                            LocalDate.of(2017, 12, 22)));
        }
        for (UnitView organisation : organisations.stream()
                .filter(o -> o.kind() != UnitKind.SCHOOL)
                .limit(3)
                .toList()) {
            titles.award(
                    system,
                    organisation.id(),
                    new Title.AwardForm(
                            "ADVANCED_EXAMPLE", 2017, null, "Bộ Công an", "1520/QĐ-BCA", LocalDate.of(2017, 10, 2)));
        }
        kinds(provinceUnit, UnitKind.SCHOOL).stream()
                .findFirst()
                .ifPresent(school -> titles.award(
                        system,
                        school.id(),
                        new Title.AwardForm(
                                "GOOD_HOMEROOM_TEACHER",
                                2017,
                                "Cô Nguyễn Thị Hòa",
                                "Công an tỉnh Nam Định",
                                "412/QĐ-CAT",
                                LocalDate.of(2017, 11, 20))));
        if (parishes.size() >= 2) {
            titles.agree(
                    system,
                    parishes.get(0).id(),
                    new Title.AgreementForm(
                            List.of(parishes.get(1).id()),
                            LocalDate.of(2017, 2, 10),
                            "Giao ước thi đua thực hiện mô hình \"Ba an toàn\" giữa các giáo xứ",
                            List.of("Toàn dân đoàn kết xây dựng đời sống văn hóa")));
        }
        log.info("Demo data: {} movement models, {} final reviews", created, reviewing.size());
    }

    /**
     * F16 for Huyện Hải Hậu: each commune's People's Committee awards "Gia đình Công giáo gương mẫu"
     * for 2017 to four in five of its Catholic households (rounded; which ones by the commune's code),
     * one decision per commune. Needs the demo households; loaded once.
     */
    void awardHouseholdsIfAbsent() {
        UnitView haiHau = byCode(DemoHouseholds.DISTRICT);
        if (titles.householdRate(Scope.WHOLE_COUNTRY, haiHau.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, 2017)
                        .awarded()
                > 0) {
            return;
        }
        LocalDate endOf2017 = LocalDate.of(2017, 12, 31);
        int awarded = 0;
        int decision = 300;
        for (UnitView commune : kinds(haiHau, UnitKind.COMMUNE)) {
            List<Household> catholic = new ArrayList<>();
            for (UnitView area : units.children(Scope.WHOLE_COUNTRY, commune.id(), endOf2017)) {
                if (area.kind() == UnitKind.RESIDENTIAL_AREA) {
                    households.inArea(Scope.WHOLE_COUNTRY, area.id(), endOf2017).stream()
                            .filter(Household::catholic)
                            .forEach(catholic::add);
                }
            }
            Collections.shuffle(catholic, new Random(Long.parseLong(commune.code()) * 13));
            int count = (int) Math.round(catholic.size() * 0.8);
            if (count == 0) {
                continue;
            }
            titles.awardHouseholds(
                    Caller.SYSTEM,
                    commune.id(),
                    new Title.HouseholdAwardForm(
                            Titles.EXEMPLARY_CATHOLIC_FAMILY,
                            2017,
                            catholic.subList(0, count).stream()
                                    .map(Household::id)
                                    .toList(),
                            "Ủy ban nhân dân " + commune.name(),
                            decision++ + "/QĐ-UBND",
                            LocalDate.of(2017, 12, 28)));
            awarded += count;
        }
        log.info(
                "Demo data: {} Catholic households of Huyện Hải Hậu awarded \"Gia đình Công giáo gương mẫu\" for 2017",
                awarded);
    }

    private UnitView byCode(String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, NamDinh2017.AS_OF).orElseThrow();
    }

    private List<UnitView> kinds(UnitView root, UnitKind kind) {
        return units.subtree(Scope.WHOLE_COUNTRY, root.id(), Set.of(kind), NamDinh2017.AS_OF, 1000, 0)
                .units();
    }
}
