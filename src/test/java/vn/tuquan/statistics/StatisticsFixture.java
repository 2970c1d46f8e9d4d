package vn.tuquan.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.tuquan.TestUsers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.Households;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.order.DrugUser;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.Mediation;
import vn.tuquan.order.Mediations;
import vn.tuquan.order.PersonDetails;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * A small province for the statistics' pages: Nam Định's official list, four residential areas in
 * Hải Minh and two in Nam Mỹ, and in 2019 (31/10/2018–31/10/2019) two crimes and a social evil in Hải
 * Minh's areas and a social evil on the commune itself, one crime in Nam Mỹ's, a drug user and a reconciled mediation in Hải Minh — recorded
 * through the services, so the summaries are kept by their own paths. The boundaries of Nam Định's ten
 * districts are loaded (the real simplified file), none of their communes': the province's page draws a
 * map, the districts' and communes' a ranked bar chart.
 */
final class StatisticsFixture {

    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);
    static final int YEAR = 2019;
    static final String ADMIN = "thong-ke-admin";
    static final String OFFICER = "thong-ke-hai-minh";
    static final String PASSWORD = "mat-khau-thong-ke-2026";

    static long province;
    static long haiMinh;
    static long namMy;
    static final List<Long> areas = new ArrayList<>();

    private StatisticsFixture() {}

    static synchronized void ensure(
            OfficialLists lists,
            Units units,
            LocalUnits localUnits,
            UserAccounts accounts,
            Incidents incidents,
            DrugUsers drugUsers,
            Mediations mediations,
            Households households,
            Commitments commitments,
            UnitBoundaries boundaries) {
        if (!areas.isEmpty()) {
            return;
        }
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        boundaries.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("geo/old_pre2025/vn_districts_old_dvhcvn_simplified.geojson")),
                LIST_DATE,
                Optional.of("36"));
        province = units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE)
                .orElseThrow()
                .id();
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            forms.add(new SimpleEntry<>(
                    i <= 4 ? haiMinh : namMy,
                    new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "S" + i, "Xóm Thống Kê " + i, null)));
        }
        areas.addAll(localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE));
        TestUsers.administrator(accounts, ADMIN, "Quản trị thống kê", PASSWORD);
        TestUsers.withRoles(
                accounts,
                OFFICER,
                "Cán bộ xã Hải Minh",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haiMinh)),
                Scope.of(Set.of(haiMinh)));
        incident(incidents, areas.get(0), "CRIME_THEFT", "LESS_SERIOUS", "2019-03-15T21:00:00+07:00");
        incident(incidents, areas.get(0), "CRIME_THEFT", "SERIOUS", "2019-06-02T08:00:00+07:00");
        incident(incidents, areas.get(1), "SOCIAL_EVIL_GAMBLING", null, "2019-04-10T22:00:00+07:00");
        incident(incidents, areas.get(4), "CRIME_THEFT", "LESS_SERIOUS", "2019-07-20T10:00:00+07:00");
        // a social evil recorded on the commune itself, not on one of its areas
        incident(incidents, haiMinh, "SOCIAL_EVIL_GAMBLING", null, "2019-08-08T20:00:00+07:00");
        // one crime of the year before, for the change on the previous year
        incident(incidents, areas.get(2), "CRIME_THEFT", "LESS_SERIOUS", "2018-05-01T10:00:00+07:00");
        // households: three in the first area, two of them registered for 2019; one in the fourth, registered
        List<Long> first = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            first.add(households
                    .add(
                            Caller.SYSTEM,
                            areas.get(0),
                            new HouseholdForm("TK-" + i, "Chủ Hộ " + i, "Xóm Thống Kê 1", 3, false),
                            LocalDate.of(2018, 1, 1))
                    .id());
        }
        long fourth = households
                .add(
                        Caller.SYSTEM,
                        areas.get(3),
                        new HouseholdForm("TK-4", "Chủ Hộ 4", "Xóm Thống Kê 4", 2, false),
                        LocalDate.of(2018, 1, 1))
                .id();
        commitments.recordAll(Caller.SYSTEM, areas.get(0), YEAR, first.subList(0, 2), LocalDate.of(2019, 3, 1));
        commitments.recordAll(Caller.SYSTEM, areas.get(3), YEAR, List.of(fourth), LocalDate.of(2019, 3, 1));
        drugUsers.record(
                Caller.SYSTEM,
                areas.get(2),
                new DrugUser.Form(new PersonDetails("Trần Văn Thống", "1990", null, null), LocalDate.of(2019, 5, 2)));
        mediations.record(
                Caller.SYSTEM,
                areas.get(1),
                new Mediation.Form(
                        LocalDate.of(2019, 5, 3),
                        "Nguyễn Văn A và Phạm Văn B",
                        "Tranh chấp lối đi chung",
                        Mediation.Outcome.RECONCILED,
                        "Tổ hòa giải số 2"));
    }

    private static boolean movement;

    /**
     * The movement's records of Hải Minh for 2019, each with one on the other side of its condition:
     * in the first area a model running on 31/10/2019 and assessed effective, one ended before 31/10
     * (assessed effective, not running), one started after it; two cameras installed by 31/10 (one on an
     * unknown day), one after it; an interim review of the area of a period ending in 2019. On the commune
     * an interim and a final review of periods ending in 2019, a final review of 2018's. A Catholic
     * household that came to the first area on 5/11/2019 (after the tree day: it changes no household
     * count) awarded "exemplary Catholic family" for 2019, and for 2020.
     */
    static synchronized void ensureMovement(
            Models models, Conferences conferences, Titles titles, Households households) {
        if (movement) {
            return;
        }
        movement = true;
        long area = areas.get(0);
        MovementModel running = model(models, area, "Tổ an ninh xóm 1", LocalDate.of(2018, 3, 1), null);
        MovementModel ended =
                model(models, area, "Tổ tự quản đã giải thể", LocalDate.of(2017, 3, 1), LocalDate.of(2019, 6, 1));
        model(models, area, "Tổ lập sau 31/10", LocalDate.of(2019, 11, 20), null);
        models.assess(Caller.SYSTEM, area, running.id(), YEAR, true, "Giữ vững an ninh");
        models.assess(Caller.SYSTEM, area, ended.id(), YEAR, true, "Hoạt động tốt đến khi giải thể");
        models.register(
                Caller.SYSTEM,
                area,
                new Camera.Form(null, 20.2, 106.3, "Nhà văn hóa xóm 1", "Cổng", LocalDate.of(2019, 5, 1)));
        models.register(Caller.SYSTEM, area, new Camera.Form(null, 20.21, 106.31, "Nhà ông Thống", null, null));
        models.register(
                Caller.SYSTEM,
                area,
                new Camera.Form(null, 20.22, 106.32, "Chợ xóm", "Lắp sau 31/10", LocalDate.of(2019, 11, 15)));
        review(conferences, area, Conference.Kind.INTERIM, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 30));
        review(conferences, haiMinh, Conference.Kind.INTERIM, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 30));
        review(conferences, haiMinh, Conference.Kind.FINAL, LocalDate.of(2018, 11, 1), LocalDate.of(2019, 10, 31));
        review(conferences, haiMinh, Conference.Kind.FINAL, LocalDate.of(2017, 11, 1), LocalDate.of(2018, 10, 31));
        long family = households
                .add(
                        Caller.SYSTEM,
                        area,
                        new HouseholdForm("TK-CG", "Giuse Thống", "Xóm Thống Kê 1", 5, true),
                        LocalDate.of(2019, 11, 5))
                .id();
        for (int year : List.of(YEAR, YEAR + 1)) {
            titles.awardHouseholds(
                    Caller.SYSTEM,
                    haiMinh,
                    new Title.HouseholdAwardForm(
                            Titles.EXEMPLARY_CATHOLIC_FAMILY,
                            year,
                            List.of(family),
                            "UBND xã Hải Minh",
                            year + "/QĐ-UBND",
                            LocalDate.of(year, 12, 10)));
        }
    }

    private static MovementModel model(Models models, long unit, String name, LocalDate from, LocalDate to) {
        return models.create(
                Caller.SYSTEM,
                unit,
                new MovementModel.Form("PEOPLES_SECURITY_TEAM", name, from, to, null, 6, List.of()));
    }

    private static void review(Conferences conferences, long unit, Conference.Kind kind, LocalDate from, LocalDate to) {
        conferences.record(
                Caller.SYSTEM,
                unit,
                new Conference.Form(
                        kind, "Sơ kết, tổng kết phong trào", to.plusDays(10), from, to, 40, null, List.of()));
    }

    private static void incident(Incidents incidents, long unit, String category, String severity, String at) {
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        unit, category, severity, null, OffsetDateTime.parse(at), null, "PATROL", null, null, null));
    }
}
