package vn.tuquan.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tuquan.access.UserAccount;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The deterministic demo dataset, loaded on the first start of {@code ./tuquan demo}: Nam Định as
 * of 2017 with its residential areas and organisations, its registers and evaluation, and one login
 * per role, each with a scope that makes sense there.
 *
 * <p>The steps commit one by one (each skips itself when its kind of data is there, so later starts
 * add nothing). A first load stopped midway is not topped up: the demo's embedded cluster counts as
 * made only once the application is ready ({@code tuquan.embedded-database.first-start-ends-when-ready}
 * in {@code application-demo.properties}), so the next start deletes the cluster, makes it again and
 * loads the demo whole. (With an external database there is no cluster to make again: an interrupted
 * load is topped up step by step there.)
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = DemoLogins.PASSWORD;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts accounts;
    private final NamDinh2017 namDinh;
    private final Units units;
    private final DemoMovement movement;
    private final DemoHouseholds households;
    private final DemoPersons persons;
    private final DemoHotspots hotspots;
    private final DemoIncidents incidents;
    private final DemoEvaluation evaluation;
    private final PrintStream console = System.out;
    private List<DemoLogin> logins = List.of();

    DemoData(
            UserAccounts accounts,
            NamDinh2017 namDinh,
            Units units,
            DemoMovement movement,
            DemoHouseholds households,
            DemoPersons persons,
            DemoHotspots hotspots,
            DemoIncidents incidents,
            DemoEvaluation evaluation) {
        this.evaluation = evaluation;
        this.persons = persons;
        this.hotspots = hotspots;
        this.incidents = incidents;
        this.movement = movement;
        this.households = households;
        this.accounts = accounts;
        this.namDinh = namDinh;
        this.units = units;
    }

    /** A demo login: its role, and the unit of its scope (none: the whole country). */
    record DemoLogin(
            String username,
            String displayName,
            String role,
            String roleLabel,
            Function<Units, UnitView> scopeUnit,
            boolean captures) {

        String scopeName(Units units) {
            return scopeUnit == null
                    ? "cả nước / whole country"
                    : scopeUnit.apply(units).name();
        }
    }

    static List<DemoLogin> logins() {
        Function<Units, UnitView> province = u -> byCode(u, "36");
        Function<Units, UnitView> haiMinh = u -> byCode(u, "14233");
        Function<Units, UnitView> firstVillage =
                u -> u.children(Scope.WHOLE_COUNTRY, byCode(u, "14233").id(), NamDinh2017.AS_OF).stream()
                        .filter(c -> c.kind() == UnitKind.RESIDENTIAL_AREA)
                        .findFirst()
                        .orElseThrow();
        Function<Units, UnitView> hospital = u -> u.search(
                        Scope.WHOLE_COUNTRY,
                        "benh vien da khoa tinh nam dinh",
                        NamDinh2017.AS_OF,
                        Set.of(UnitKind.HOSPITAL),
                        Optional.empty(),
                        1)
                .get(0)
                .unit();
        return List.of(
                new DemoLogin(
                        "quantri",
                        "Nguyễn Văn Quản",
                        "SYSTEM_ADMIN",
                        "quản trị hệ thống / system administrator",
                        null,
                        true),
                new DemoLogin(
                        "canbo.tinh",
                        "Trần Thị Hạnh",
                        "PROVINCIAL_OFFICER",
                        "cán bộ tỉnh / provincial officer",
                        province,
                        true),
                new DemoLogin(
                        "canbo.xa", "Lê Văn Bình", "COMMUNE_OFFICER", "cán bộ xã / commune officer", haiMinh, true),
                new DemoLogin(
                        "congan.xa",
                        "Ngô Văn Công",
                        "COMMUNE_POLICE",
                        "công an xã (người nghiện, hòa giải) / commune police officer (drug users, mediation)",
                        haiMinh,
                        true),
                new DemoLogin(
                        "truongthon",
                        "Phạm Thị Lan",
                        "AREA_HEAD",
                        "trưởng thôn / head of a residential area",
                        firstVillage,
                        true),
                new DemoLogin(
                        "baove.benhvien",
                        "Đặng Quốc Việt",
                        "ORGANISATION_SECURITY_OFFICER",
                        "bảo vệ cơ quan / security officer of an organisation",
                        hospital,
                        true),
                new DemoLogin(
                        "bandaochi",
                        "Vũ Thị Thu",
                        "STEERING_VIEWER",
                        "ban chỉ đạo (xem) / steering committee",
                        province,
                        false),
                new DemoLogin(
                        "tiepnhan",
                        "Hoàng Minh Tuấn",
                        "TIPOFF_HANDLER",
                        "tiếp nhận tố giác / tip-off handler",
                        province,
                        false));
    }

    private static UnitView byCode(Units units, String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, NamDinh2017.AS_OF).orElseThrow();
    }

    @Override
    public void run(ApplicationArguments args) {
        namDinh.loadIfAbsent();
        movement.loadIfAbsent();
        households.loadIfAbsent();
        movement.awardHouseholdsIfAbsent();
        incidents.loadIfAbsent();
        persons.loadIfAbsent();
        hotspots.loadIfAbsent();
        evaluation.loadIfAbsent();
        logins = logins();
        int created = 0;
        for (DemoLogin login : logins) {
            var user = accounts.createIfAbsent(login.username(), login.displayName(), DEMO_PASSWORD);
            if (user.isPresent()) {
                created++;
            } else {
                accounts.setPassword(login.username(), DEMO_PASSWORD); // the printed password always works
            }
            var id = user.or(() -> accounts.findByUsername(login.username()).map(UserAccount::id))
                    .orElseThrow();
            Scope scope = login.scopeUnit() == null
                    ? Scope.WHOLE_COUNTRY
                    : Scope.of(Set.of(login.scopeUnit().apply(units).id()));
            if (user.isPresent() || accounts.rolesOf(id).isEmpty()) { // roles given once, not at every start
                accounts.assign(
                        Caller.SYSTEM, id, Set.of(login.role()), login.captures() ? scope : Scope.NOTHING, scope);
            }
        }
        log.info("Demo data: {} demo logins created, {} already present", created, logins.size() - created);
    }

    @EventListener
    void printLogins(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        console.println();
        console.println("Tuquan (demo): http://localhost:" + web.getWebServer().getPort() + "/");
        console.println("Tài khoản mẫu / demo logins (mật khẩu / password: " + DEMO_PASSWORD + "):");
        for (DemoLogin login : logins) {
            console.printf(
                    "  %-15s %-16s %s — %s%n",
                    login.username(), login.displayName(), login.roleLabel(), login.scopeName(units));
        }
        console.println();
        console.flush();
    }
}
