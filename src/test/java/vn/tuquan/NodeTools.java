package vn.tuquan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tools the tests take from the npm registry, at the versions pinned with their checksums in
 * {@code src/test/node/package-lock.json}: Redocly CLI (lints the API's description) and axe-core
 * (checks pages for accessibility). {@link #home()} installs them with {@code npm ci} into
 * {@code target/node-tools} the first time, and again only when the lock file changes; npm keeps
 * the packages in its cache, so a later {@code mvn clean} needs no download.
 *
 * <p>They need Node.js 20.19 or newer with npm (the README's prerequisites). Without them, or when
 * the install fails, the tests that use them fail with a message saying so: they never skip.
 */
public final class NodeTools {

    static final Path SOURCE = Path.of("src", "test", "node");
    static final Path HOME = Path.of("target", "node-tools");
    static final int[] NODE_AT_LEAST = {20, 19};

    private static Path installed;

    private NodeTools() {}

    /** The folder whose {@code node_modules} holds the tools, installed when needed. */
    public static synchronized Path home() {
        if (installed != null) {
            return installed;
        }
        try {
            Files.createDirectories(HOME);
            try (FileChannel channel = FileChannel.open(
                            HOME.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                checkNode();
                String stamp = stamp();
                Path marker = HOME.resolve(".installed");
                if (!(Files.isDirectory(HOME.resolve("node_modules"))
                        && Files.exists(marker)
                        && Files.readString(marker).equals(stamp))) {
                    for (String file : List.of("package.json", "package-lock.json")) {
                        Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                    Result install = run(
                            HOME,
                            Duration.ofMinutes(10),
                            Map.of(),
                            "npm",
                            "ci",
                            "--no-audit",
                            "--no-fund",
                            "--ignore-scripts",
                            "--prefer-offline");
                    if (install.exit() != 0) {
                        throw new AssertionError("npm ci of the test tools (" + SOURCE.resolve("package-lock.json")
                                + ") failed with exit code " + install.exit() + "; the npm registry must be reachable "
                                + "the first time:\n" + install.output());
                    }
                    Files.writeString(marker, stamp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installed = HOME;
        return installed;
    }

    /** The Redocly CLI's script, run with {@link #node}. */
    public static Path redocly() {
        return home().resolve("node_modules/@redocly/cli/bin/cli.js").toAbsolutePath();
    }

    /** axe-core's script, to evaluate in a page. */
    public static String axe() {
        try {
            return Files.readString(home().resolve("node_modules/axe-core/axe.min.js"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code node} with the arguments in {@code directory}; stdout and stderr kept apart. */
    public static Result node(Path directory, Duration timeout, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        return run(directory, timeout, environment, command.toArray(String[]::new));
    }

    /** What a process wrote: stdout alone in {@code stdout}, stdout then stderr in {@code output}. */
    public record Result(int exit, String stdout, String output) {}

    private static void checkNode() {
        Result version = run(HOME, Duration.ofMinutes(1), Map.of(), "node", "--version");
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version.stdout());
        boolean recent = version.exit() == 0
                && m.find()
                && (Integer.parseInt(m.group(1)) > NODE_AT_LEAST[0]
                        || Integer.parseInt(m.group(1)) == NODE_AT_LEAST[0]
                                && Integer.parseInt(m.group(2)) >= NODE_AT_LEAST[1]);
        if (!recent) {
            throw new AssertionError("Node.js " + NODE_AT_LEAST[0] + "." + NODE_AT_LEAST[1]
                    + " or newer with npm is needed for these tests (README, prerequisites); `node --version` said: "
                    + version.output().strip());
        }
    }

    private static Result run(Path directory, Duration timeout, Map<String, String> environment, String... command) {
        try {
            Path out = Files.createTempFile(HOME, "out", ".txt");
            Path err = Files.createTempFile(HOME, "err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    throw new AssertionError(
                            "Cannot run " + command[0] + " (" + e.getMessage() + "): Node.js "
                                    + NODE_AT_LEAST[0] + "." + NODE_AT_LEAST[1]
                                    + " or newer with npm is needed for these "
                                    + "tests (README, prerequisites)",
                            e);
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                return new Result(process.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String stamp() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(SOURCE.resolve("package.json")));
            sha.update(Files.readAllBytes(SOURCE.resolve("package-lock.json")));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
