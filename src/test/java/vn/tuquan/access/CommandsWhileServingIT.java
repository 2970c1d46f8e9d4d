package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.StartedProcesses;
import vn.tuquan.TuquanProcess;
import vn.tuquan.TuquanProcess.CommandResult;
import vn.tuquan.TuquanProcess.Postmaster;
import vn.tuquan.WebSession;
import vn.tuquan.access.internal.Totp;
import vn.tuquan.shared.Dates;
import vn.tuquan.units.AdminUnitsData;

/**
 * The commands of {@code ./tuquan} on the packaged jar, as an operator runs them (issue 13, items 20–23):
 * the administrator is made and printed by {@code serve}'s first start only, once; every command
 * works while Tuquan serves, on the running server's PostgreSQL, and the server sees what it did at
 * once (a list imported, accounts and tokens made, an account disabled, the data key rotated); a
 * command's result alone is on standard output.
 */
class CommandsWhileServingIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    private final List<CommandResult> results = new ArrayList<>();

    @Test
    void theAdministratorIsMadeByServeAlone_andEveryCommandWorksWhileItServes() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        processes.watch(dataDir);

        // 22: a command on a new data directory makes nothing: no database, no administrator, no password
        CommandResult early = run(dataDir, null, "user", "list");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.stdout()).isEmpty();
        assertThat(early.stderr())
                .contains("There is no Tuquan database in")
                .contains("run `./tuquan serve` once first");
        assertThat(dataDir.resolve("pg/PG_VERSION"))
                .as("no cluster made by a command")
                .doesNotExist();

        TuquanProcess server = start(dataDir, "serve");
        String adminPassword = server.printedAdminPassword();
        assertThat(server.output().split(Pattern.quote(adminPassword), -1))
                .as("printed exactly once")
                .hasSize(2);
        assertThat(new WebSession(server.port())
                        .signIn("admin", adminPassword)
                        .headers()
                        .firstValue("Location"))
                .as("the printed password signs in")
                .get()
                .asString()
                .doesNotContain("/login");
        Postmaster postgres = TuquanProcess.postmaster(dataDir);

        // 20, 21: a list imported while Tuquan serves, on its PostgreSQL; the summary alone on standard output
        Path namDinh = AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv");
        CommandResult imported =
                run(dataDir, null, "units", "import", namDinh.toString(), "--as-of", "2022-10-01", "--json");
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(JSON.readTree(imported.stdout()).get("opened").asInt()).isEqualTo(237);
        assertThat(imported.stderr())
                .contains("this command uses its PostgreSQL (pid " + postgres.pid())
                .doesNotContain("Starting embedded PostgreSQL");

        // accounts and tokens made while it serves
        assertThat(run(
                                dataDir,
                                "nhap-lieu-dang-chay-1\n",
                                "user",
                                "add",
                                "nhaplieu",
                                "--display-name",
                                "Cán bộ nhập liệu",
                                "--role",
                                "COMMUNE_OFFICER",
                                "--whole-country",
                                "--password-stdin")
                        .exitCode())
                .isZero();
        assertThat(run(
                                dataDir,
                                "can-bo-tinh-dang-chay-1\n",
                                "user",
                                "add",
                                "canbo.tinh",
                                "--display-name",
                                "Cán bộ tỉnh",
                                "--role",
                                "PROVINCIAL_OFFICER",
                                "--whole-country",
                                "--password-stdin")
                        .exitCode())
                .isZero();
        CommandResult officerToken = run(dataDir, null, "user", "token", "nhaplieu", "--name", "đang chạy", "--json");
        JsonNode made = JSON.readTree(officerToken.stdout());
        assertThat(made.get("secondFactorNeeded").asBoolean()).isFalse();
        String officer = made.get("token").asString();
        assertThat(api(server, officer, "/api/v1/units/by-code?code=14233&asOf=2022-10-01"))
                .as("the running server sees the new account, its token and the list")
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).contains("Hải Minh");
                });

        // 23: a token of someone who must enrol a second factor first says so, and it is so
        CommandResult provincialToken = run(dataDir, null, "user", "token", "canbo.tinh", "--name", "báo cáo");
        assertThat(provincialToken.exitCode()).isZero();
        assertThat(provincialToken.stdout()).matches("tq_\\S{43}\n");
        assertThat(provincialToken.stderr())
                .contains("tài khoản canbo.tinh phải dùng xác thực hai lớp")
                .contains("403");
        String provincial = provincialToken.stdout().strip();
        assertThat(api(server, provincial, "/api/v1/units/by-code?code=14233&asOf=2022-10-01")
                        .statusCode())
                .as("refused until the person enrols, as the warning says")
                .isEqualTo(403);
        WebSession web = new WebSession(server.port());
        web.signIn("canbo.tinh", "can-bo-tinh-dang-chay-1");
        String secret = enrol(web);
        awaitStatus(server, provincial, 200);

        // the data key rotated while it serves: the server reads the secret re-encrypted with the new key
        CommandResult rotated = run(dataDir, null, "keys", "rotate", "--json");
        assertThat(rotated.exitCode()).as(rotated.stderr()).isZero();
        JsonNode rotation = JSON.readTree(rotated.stdout());
        assertThat(rotation.get("keyId").asString()).isEqualTo("k2");
        assertThat(rotation.get("reencrypted").asLong()).isPositive();
        try (Connection db = postgres.connect("tuquan");
                var rs = db.createStatement()
                        .executeQuery("SELECT totp_secret FROM users WHERE username = 'canbo.tinh'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("v1:k2:");
        }
        WebSession again = new WebSession(server.port());
        assertThat(location(again.signIn("canbo.tinh", "can-bo-tinh-dang-chay-1")))
                .endsWith("/login/code");
        long step = Math.max(Totp.step(Dates.now()), lastStep(postgres, "canbo.tinh") + 1);
        assertThat(location(again.postForm(
                        "/login/code",
                        Map.of("code", Totp.code(secret, step), "_csrf", again.csrfToken("/login/code")))))
                .as("signed in with a code of the re-encrypted secret")
                .doesNotContain("login");
        assertThat(again.getPage("/").statusCode()).isEqualTo(200);

        // the log's chain checked, and the officer disabled, while it serves: the server refuses the token at once
        CommandResult verified = run(dataDir, null, "audit", "verify", "--json");
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(JSON.readTree(verified.stdout()).get("intact").asBoolean()).isTrue();
        // the statistics recounted while it serves: nothing drifted, the answer is JSON on standard output
        CommandResult statistics = run(dataDir, null, "statistics", "verify", "--json");
        assertThat(statistics.exitCode()).as(statistics.stderr()).isZero();
        JsonNode recount = JSON.readTree(statistics.stdout());
        assertThat(recount.get("drifts").isArray()).isTrue();
        assertThat(recount.get("drifts").size()).isZero();
        assertThat(recount.get("repaired").asBoolean()).isFalse();
        CommandResult unknownOption = run(dataDir, null, "statistics", "verify", "--unit", "không-phải-số");
        assertThat(unknownOption.exitCode()).isNotZero();
        assertThat(unknownOption.stderr()).contains("--unit");
        assertThat(run(dataDir, null, "user", "disable", "nhaplieu").exitCode()).isZero();
        awaitStatus(server, officer, 401);
        assertThat(TuquanProcess.postmaster(dataDir).pid())
                .as("no command started or stopped PostgreSQL")
                .isEqualTo(postgres.pid());
        assertThat(server.alive()).isTrue();

        assertThat(server.stop()).isIn(0, 143);
        // after it stopped, a command starts the database for itself; a later serve prints no password
        CommandResult listed = run(dataDir, null, "user", "list", "--json");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(JSON.readTree(listed.stdout())
                        .valueStream()
                        .map(u -> u.get("username").asString()))
                .containsExactlyInAnyOrder("admin", "nhaplieu", "canbo.tinh");
        assertThat(listed.stderr()).contains("Starting embedded PostgreSQL");
        TuquanProcess later = start(dataDir, "serve");
        assertThat(later.output()).doesNotContain("Password:").doesNotContain(adminPassword);
        assertThat(later.stop()).isIn(0, 143);

        for (CommandResult result : results) {
            assertThat(result.output())
                    .as("no command prints the administrator's password")
                    .doesNotContain(adminPassword)
                    .doesNotContain("Password:");
            assertThat(result.stdout())
                    .as("no log line on standard output")
                    .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d{3}.* (INFO|WARN|ERROR) ");
        }
    }

    private TuquanProcess start(Path dataDir, String command) {
        TuquanProcess process = processes.start(dataDir, command, command + "-" + processes.count());
        return process.awaitOutput(TuquanProcess.READY, START);
    }

    private CommandResult run(Path dataDir, String input, String... args) {
        CommandResult result = input == null
                ? TuquanProcess.command(dataDir, args)
                : TuquanProcess.commandWithInput(dataDir, input, args);
        results.add(result);
        return result;
    }

    private static HttpResponse<String> api(TuquanProcess server, String token, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The server keeps a token's answer for a few seconds (tuquan.security.access-cache-millis): waits for the change. */
    private static void awaitStatus(TuquanProcess server, String token, int status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        int last;
        do {
            last = api(server, token, "/api/v1/units/by-code?code=14233&asOf=2022-10-01")
                    .statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        assertThat(last).as("the server's answer to the token").isEqualTo(status);
    }

    private static String enrol(WebSession session) {
        Document page = Jsoup.parse(session.getPage("/account/totp").body());
        String secret = page.selectFirst("#totp-secret").text().replace(" ", "");
        String csrf =
                page.selectFirst("form[action=/account/totp] input[name=_csrf]").attr("value");
        assertThat(location(session.postForm(
                        "/account/totp", Map.of("code", Totp.code(secret, Totp.step(Dates.now())), "_csrf", csrf))))
                .endsWith("/account");
        return secret;
    }

    private static long lastStep(Postmaster postgres, String username) throws Exception {
        try (Connection db = postgres.connect("tuquan");
                var st = db.prepareStatement("SELECT coalesce(totp_last_step, 0) FROM users WHERE username = ?")) {
            st.setString(1, username);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
