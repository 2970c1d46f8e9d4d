package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tuquan.shared.db.EmbeddedCredentials;

/** The packaged {@code target/tuquan.jar} running as a separate process, as {@code ./tuquan} runs it. */
public final class TuquanProcess {

    public static final Path JAR = Path.of("target", "tuquan.jar");
    /** What the log says once the application is ready (after every start-up task, the demo's load among them). */
    public static final String READY = "Tuquan is ready at http://";

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private TuquanProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    public static TuquanProcess start(Path dataDir, String command, String name) {
        return start(dataDir, command, name, Map.of());
    }

    /** The same, with more environment variables (e.g. {@code TUQUAN_SECURITY_SECOND_FACTOR_FOR_SENSITIVE_DATA}). */
    public static TuquanProcess start(Path dataDir, String command, String name, Map<String, String> environment) {
        assertThat(JAR)
                .as("the packaged application (mvn verify builds it before the *IT tests)")
                .exists();
        int port = freePort();
        int managementPort = freePort();
        Path log = dataDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-jar",
                        JAR.toString(),
                        command,
                        "--port",
                        Integer.toString(port),
                        "--management-port",
                        Integer.toString(managementPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TUQUAN_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        try {
            return new TuquanProcess(builder.start(), log, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a new data directory ready for commands as an operator does: a first {@code serve}
     * (which makes the database and the administrator), stopped once ready. Returns the
     * administrator's password it printed.
     */
    public static String initialise(Path dataDir) {
        TuquanProcess first = start(dataDir, "serve", "initialise");
        try {
            first.awaitOutput(READY, Duration.ofMinutes(3));
            return first.printedAdminPassword();
        } finally {
            if (first.alive()) {
                first.stop();
            }
        }
    }

    /** What a command of {@code ./tuquan} printed on standard output and on standard error, and how it exited. */
    public record CommandResult(int exitCode, String stdout, String stderr) {
        /** Both, standard output first: for messages that may be on either. */
        public String output() {
            return stdout + stderr;
        }
    }

    /** Runs one command of the packaged jar to its end, on a data directory, and returns what it printed. */
    public static CommandResult command(Path dataDir, String... args) {
        return commandWithInput(dataDir, null, args);
    }

    /** The same, with {@code input} (when not null) as its standard input: a password for {@code --password-stdin}. */
    public static CommandResult commandWithInput(Path dataDir, String input, String... args) {
        List<String> command = new java.util.ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dataDir, "cli", ".out");
            Path err = Files.createTempFile(dataDir, "cli", ".err");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input != null) {
                Path in = Files.createTempFile(dataDir, "cli", ".in");
                Files.writeString(in, input, StandardCharsets.UTF_8);
                builder.redirectInput(in.toFile());
            }
            builder.environment().put("TUQUAN_DATA_DIR", dataDir.toString());
            builder.environment().remove("TUQUAN_DATA_KEY");
            Process process = builder.start();
            assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES))
                    .isTrue();
            return new CommandResult(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the management port's {@code /actuator/health} (on 127.0.0.1) answers UP, the
     * database included, and the main port's {@code /readyz} too.
     */
    public TuquanProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("Tuquan exited early; its log:%n%s", output())
                    .isTrue();
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> ready = health.statusCode() != 200
                        ? health
                        : client.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200
                        && health.body().contains("\"UP\"")
                        && ready.statusCode() == 200
                        && ready.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new AssertionError("Tuquan was not ready within " + timeout + "; its log:\n" + output());
    }

    /** Waits until the process's output holds {@code text}; fails when the process exits first. */
    public TuquanProcess awaitOutput(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(text)) {
                return this;
            }
            assertThat(process.isAlive())
                    .as("Tuquan exited before printing \"%s\"; its log:%n%s", text, output())
                    .isTrue();
            sleep(100);
        }
        throw new AssertionError("Tuquan did not print \"" + text + "\" within " + timeout + "; its log:\n" + output());
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String printedAdminPassword() {
        Matcher m = Pattern.compile("Password:\\s+(\\S+)").matcher(output());
        assertThat(m.find())
                .as("the administrator password is printed on the first start")
                .isTrue();
        return m.group(1);
    }

    /** SIGKILL: no shutdown hook, no clean stop of anything. */
    public void kill9() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the graceful shutdown that a service manager does. */
    public int stop() {
        process.destroy();
        return waitFor();
    }

    private int waitFor() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a test, whether it passed or failed midway: kills each process still running and stops
     * the embedded PostgreSQL still running on each data directory, so that no server outlives the
     * test (a JVM killed with SIGKILL leaves its PostgreSQL running).
     */
    public static void stopLeftovers(List<TuquanProcess> processes, List<Path> dataDirs) {
        for (TuquanProcess process : processes) {
            if (process.alive()) {
                process.kill9();
            }
        }
        for (Path dataDir : dataDirs) {
            if (!Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"))) {
                continue;
            }
            long pid;
            try {
                pid = postmaster(dataDir).pid();
            } catch (RuntimeException unreadable) {
                continue;
            }
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                    .ifPresent(postgres -> {
                        postgres.destroy(); // SIGTERM: PostgreSQL's smart shutdown, its clients being gone
                        try {
                            postgres.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception notStopped) {
                            postgres.destroyForcibly();
                        }
                    });
        }
    }

    /** The pid and port of the embedded PostgreSQL, from its {@code postmaster.pid}. */
    public static Postmaster postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
            return new Postmaster(
                    Long.parseLong(lines.get(0).trim()),
                    Integer.parseInt(lines.get(3).trim()),
                    dataDir.resolve("pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded PostgreSQL of a data directory (its {@code pg/}), as {@code pg_dump} finds it. */
    public record Postmaster(long pid, int port, Path clusterDir) {
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/tuquan";
        }

        /** A connection to the database {@code tuquan} as a role, with its password from the cluster's password file. */
        public Connection connect(String role) throws SQLException {
            EmbeddedCredentials credentials = EmbeddedCredentials.read(clusterDir)
                    .orElseThrow(() -> new SQLException("no password file in " + clusterDir + " (yet)"));
            return DriverManager.getConnection(jdbcUrl(), role, credentials.password(role));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
