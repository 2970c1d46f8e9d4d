package vn.tuquan.demo;

import java.io.PrintStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tuquan.access.UserAccounts;

/**
 * The deterministic demo dataset, loaded on the first start of {@code ./tuquan demo} (and topped
 * up, never duplicated, on later starts): the demo logins, one per kind of user, and Nam Định as of
 * 2017 with its residential areas and organisations.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    /** Shared by every demo login; printed at start and in the README. Never use it for real data. */
    static final String DEMO_PASSWORD = "demo-nam-dinh-2017";

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("quantri", "Nguyễn Văn Quản", "quản trị hệ thống / system administrator"),
            new DemoLogin("canbo.tinh", "Trần Thị Hạnh", "cán bộ Công an tỉnh / provincial officer"),
            new DemoLogin("canbo.xa", "Lê Văn Bình", "cán bộ Công an xã / commune officer"),
            new DemoLogin("truongthon", "Phạm Thị Lan", "trưởng thôn / head of a residential area"));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts accounts;
    private final NamDinh2017 namDinh;
    private final PrintStream console = System.out;

    DemoData(UserAccounts accounts, NamDinh2017 namDinh) {
        this.accounts = accounts;
        this.namDinh = namDinh;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (DemoLogin login : LOGINS) {
            if (accounts.createIfAbsent(login.username(), login.displayName(), DEMO_PASSWORD).isPresent()) {
                created++;
            }
        }
        log.info("Demo data: {} demo logins created, {} already present", created, LOGINS.size() - created);
        namDinh.loadIfAbsent();
    }

    @EventListener
    void printLogins(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        console.println();
        console.println("Tuquan (demo): http://localhost:" + web.getWebServer().getPort() + "/");
        console.println("Tài khoản mẫu / demo logins (mật khẩu / password: " + DEMO_PASSWORD + "):");
        for (DemoLogin login : LOGINS) {
            console.printf("  %-12s %s — %s%n", login.username(), login.displayName(), login.role());
        }
        console.println();
        console.flush();
    }

    record DemoLogin(String username, String displayName, String role) {
    }
}
