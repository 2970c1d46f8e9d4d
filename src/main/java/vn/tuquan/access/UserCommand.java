package vn.tuquan.access;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.access.internal.SignInLockout;
import vn.tuquan.access.internal.UserSessions;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CommandContexts;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Scope;

/** {@code ./tuquan user …}: accounts from the command line (the administrator's recovery tools). */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Tài khoản người dùng: thêm, liệt kê, khóa, mở khóa, đặt lại mã xác thực, tạo token. / "
                + "User accounts: add, list, disable, unlock, reset the second factor, make a token.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.Disable.class,
            UserCommand.Unlock.class,
            UserCommand.ResetTotp.class,
            UserCommand.Token.class
        })
public class UserCommand implements Runnable {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Dates.VIETNAM);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One account named on the command line; the work done with the application open. */
    abstract static class OnUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the username")
        String username;

        abstract boolean apply(ConfigurableApplicationContext context, String name, PrintWriter out);

        @Override
        public Integer call() {
            String name = SignInLockout.normalise(username);
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                if (context.getBean(UserAccounts.class).findByUsername(name).isEmpty()) {
                    spec.commandLine().getErr().println("tuquan: no user " + name);
                    return 1;
                }
                return apply(context, name, spec.commandLine().getOut()) ? 0 : 1;
            }
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Thêm tài khoản; mật khẩu được hỏi hai lần (hoặc đọc từ đầu vào với --password-stdin).",
                "Add an account; the password is asked twice (or read from standard input with --password-stdin)."
            })
    static class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the username: a-z, 0-9, . _ -")
        String username;

        @Option(names = "--display-name", required = true, description = "the person's full name")
        String displayName;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "a role code, e.g. COMMUNE_OFFICER (repeat for several)")
        List<String> roles;

        @Option(
                names = "--unit",
                paramLabel = "UNIT_ID",
                description = "a unit (id) the roles apply to, its whole subtree (repeat for several)")
        List<Long> unitIds;

        @Option(names = "--whole-country", description = "the roles apply to the whole country")
        boolean wholeCountry;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Option(names = "--require-totp", description = "the person must enrol a second factor (TOTP)")
        boolean requireTotp;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String name = SignInLockout.normalise(username);
            String password = readPassword(err);
            if (password == null) {
                return 2;
            }
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                MessageSource messages = context.getBean(MessageSource.class);
                UserAccounts accounts = context.getBean(UserAccounts.class);
                try {
                    var created = accounts.createIfAbsent(name, displayName, password);
                    if (created.isEmpty()) {
                        err.println("tuquan: the user " + name + " already exists");
                        return 1;
                    }
                    if (roles != null && !roles.isEmpty()) {
                        Scope scope = wholeCountry
                                ? Scope.WHOLE_COUNTRY
                                : Scope.of(unitIds == null ? Set.of() : Set.copyOf(unitIds));
                        try {
                            accounts.assign(Caller.SYSTEM, created.get(), Set.copyOf(roles), scope, scope);
                        } catch (DataAccessException refused) {
                            err.println(
                                    "tuquan: the user " + name + " was created without roles: unknown role or unit in "
                                            + roles + " " + (unitIds == null ? "" : unitIds));
                            return 1;
                        }
                    }
                } catch (PasswordRefusedException refused) {
                    err.println("tuquan: " + messages.getMessage(refused.messageKey(), null, Locale.ENGLISH));
                    return 1;
                }
                if (requireTotp) {
                    accounts.setSecondFactorRequired(name, true);
                }
                spec.commandLine()
                        .getOut()
                        .println("Created user " + name
                                + (roles == null || roles.isEmpty() ? " (no role yet)" : " with roles " + roles));
                return 0;
            }
        }

        private String readPassword(PrintWriter err) throws IOException {
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    err.println("tuquan: no password on standard input");
                    return null;
                }
                return line;
            }
            Console console = System.console();
            if (console == null) {
                err.println("tuquan: no terminal to ask the password on; use --password-stdin");
                return null;
            }
            char[] first = console.readPassword("Mật khẩu / Password: ");
            char[] second = console.readPassword("Nhập lại / Again: ");
            try {
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    err.println("tuquan: the two passwords differ");
                    return null;
                }
                return new String(first);
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (second != null) {
                    Arrays.fill(second, ' ');
                }
            }
        }
    }

    /** One account in {@code user list --json}; {@code secondFactor} is enrolled, needed (not enrolled yet) or none. */
    record ListedUser(String username, String displayName, boolean enabled, String secondFactor, String lockedUntil) {}

    /** What {@code user token --json} prints. */
    record MadeToken(String username, String name, String token, String expiresAt, boolean secondFactorNeeded) {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liệt kê tài khoản. / List the accounts.")
    static class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print a JSON array (lockedUntil: an ISO-8601 instant in UTC, or null)")
        boolean json;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(JSON.writeValueAsString(context.getBean(UserAccounts.class).list().stream()
                            .map(a -> new ListedUser(
                                    a.username(),
                                    a.displayName(),
                                    a.enabled(),
                                    a.totpEnrolled() ? "enrolled" : a.totpRequired() ? "needed" : "none",
                                    a.lockedUntil().map(Instant::toString).orElse(null)))
                            .toList()));
                    return 0;
                }
                out.printf("%-24s %-30s %-9s %-6s %s%n", "USERNAME", "NAME", "STATE", "TOTP", "LOCKED UNTIL");
                for (UserAccount a : context.getBean(UserAccounts.class).list()) {
                    out.printf(
                            "%-24s %-30s %-9s %-6s %s%n",
                            a.username(),
                            a.displayName(),
                            a.enabled() ? "enabled" : "disabled",
                            a.totpEnrolled() ? "yes" : a.totpRequired() ? "needed" : "no",
                            a.lockedUntil().map(WHEN::format).orElse(""));
                }
                return 0;
            }
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Khóa hẳn tài khoản và kết thúc mọi phiên của nó. / Disable an account and end its sessions.")
    static class Disable extends OnUser {
        @Override
        boolean apply(ConfigurableApplicationContext context, String name, PrintWriter out) {
            context.getBean(UserAccounts.class).disable(name);
            int ended = context.getBean(UserSessions.class).endAll(name, null);
            out.println("Disabled " + name + "; " + ended + " session(s) ended");
            return true;
        }
    }

    @Command(
            name = "unlock",
            mixinStandardHelpOptions = true,
            description =
                    "Mở khóa tài khoản bị khóa do đăng nhập sai nhiều lần. / End a lock-out after failed sign-ins.")
    static class Unlock extends OnUser {
        @Override
        boolean apply(ConfigurableApplicationContext context, String name, PrintWriter out) {
            context.getBean(UserAccounts.class).unlock(name);
            out.println("Unlocked " + name);
            return true;
        }
    }

    @Command(
            name = "reset-totp",
            mixinStandardHelpOptions = true,
            description = "Xóa mã xác thực hai lớp (mất điện thoại). / Remove the second factor (a lost phone).")
    static class ResetTotp extends OnUser {
        @Override
        boolean apply(ConfigurableApplicationContext context, String name, PrintWriter out) {
            context.getBean(UserAccounts.class).resetTotp(name);
            out.println("The second factor of " + name + " was removed; they enrol again at /account/totp");
            return true;
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = {
                "Tạo token truy cập API cho tài khoản; token chỉ in ra một lần.",
                "Make a personal access token for the API; it is printed this once only."
            })
    static class Token extends OnUser {
        @Option(names = "--name", required = true, description = "what the token is for")
        String tokenName;

        @Option(names = "--days", defaultValue = "90", description = "days until it expires (1 to 365; default 90)")
        int days;

        @Option(
                names = "--json",
                description =
                        "print a JSON object: username, name, token, expiresAt (ISO-8601, UTC), "
                                + "secondFactorNeeded (true: the API refuses the token, 403, until the person enrols a second factor)")
        boolean json;

        @Option(names = "--lang", defaultValue = "vi", description = "language of the warnings: vi or en")
        String language;

        @Override
        boolean apply(ConfigurableApplicationContext context, String name, PrintWriter out) {
            PrintWriter err = spec.commandLine().getErr();
            if (days < 1 || days > PersonalAccessTokens.MAX_DAYS) {
                err.println("tuquan: --days must be from 1 to " + PersonalAccessTokens.MAX_DAYS);
                return false;
            }
            var created = context.getBean(PersonalAccessTokens.class).create(name, tokenName, days);
            boolean secondFactorNeeded = context.getBean(UserAccounts.class).secondFactorMissing(name);
            if (json) {
                out.println(JSON.writeValueAsString(new MadeToken(
                        name, tokenName, created.token(), created.expiresAt().toString(), secondFactorNeeded)));
            } else {
                out.println(created.token());
            }
            err.println("Token for " + name + ", expires " + WHEN.format(created.expiresAt())
                    + " (Vietnam time). It is not shown again.");
            if (secondFactorNeeded) {
                Locale locale = Named.locale(language);
                err.println("tuquan: "
                        + context.getBean(MessageSource.class)
                                .getMessage("user.token.secondFactorNeeded", new Object[] {name}, locale));
            }
            return true;
        }
    }
}
