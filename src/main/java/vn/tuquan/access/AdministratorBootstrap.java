package vn.tuquan.access;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;

/**
 * On the very first start of an instance (no user yet), creates the administrator account with a
 * random password and prints that password once to the console. It is never logged: the log
 * line only says that the account was made.
 */
@Component
@Profile("!demo")
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccounts accounts;
    private final SecureRandom random = new SecureRandom();
    private final PrintStream console = System.out;

    AdministratorBootstrap(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = randomPassword(20);
        var admin = accounts.createIfAbsent(ADMIN_USERNAME, "Quản trị hệ thống", password);
        if (admin.isEmpty()) {
            return;
        }
        accounts.assign(Caller.SYSTEM, admin.get(), Set.of("SYSTEM_ADMIN"), Scope.WHOLE_COUNTRY, Scope.WHOLE_COUNTRY);
        log.info("Created the administrator account '{}' (first start); its password was printed to the console",
                ADMIN_USERNAME);
        console.println();
        console.println("==================================================================");
        console.println(" Tài khoản quản trị / Administrator account (shown only this once)");
        console.println("   Tên đăng nhập / Username: " + ADMIN_USERNAME);
        console.println("   Mật khẩu / Password:      " + password);
        console.println("==================================================================");
        console.println();
        console.flush();
    }

    private String randomPassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
