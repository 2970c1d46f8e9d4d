package vn.tuquan.access.internal;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;

/**
 * On the very first start of a server (no user yet), creates the administrator account with a
 * random password and prints that password once to standard output. It is never logged: the log
 * line only says that the account was made. Only {@code serve} does this: the commands of
 * {@code ./tuquan} run without a web server, and this class does not exist for them.
 *
 * <p>The password cannot be lost between the account's creation and its printing: it is printed
 * inside the transaction that creates the account, before the commit, so that an account exists
 * only if its password was printed. A start stopped after the printing and before the commit
 * leaves no account, and the next start makes and prints another. With the embedded database the
 * cluster's first start moreover ends only when the application is ready (after this runner):
 * a first start stopped before then is made again whole at the next start.
 */
@Component
@Profile("!demo")
@ConditionalOnWebApplication
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccounts accounts;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();
    private final PrintStream console = System.out;

    AdministratorBootstrap(UserAccounts accounts, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = randomPassword(20);
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            var admin = accounts.createIfAbsent(ADMIN_USERNAME, "Quản trị hệ thống", password);
            if (admin.isEmpty()) {
                return false; // another node made it at the same time, and printed its password
            }
            accounts.assign(
                    Caller.SYSTEM, admin.get(), Set.of("SYSTEM_ADMIN"), Scope.WHOLE_COUNTRY, Scope.WHOLE_COUNTRY);
            print(password); // before the commit: no account whose password was not printed
            return true;
        }));
        if (created) {
            log.info(
                    "Created the administrator account '{}' (first start); its password was printed on standard output",
                    ADMIN_USERNAME);
        }
    }

    private void print(String password) {
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
