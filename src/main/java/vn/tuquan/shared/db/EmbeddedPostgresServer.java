package vn.tuquan.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on a persistent data directory, owned by this process.
 *
 * <p>Durability is on (fsync, synchronous commit, full-page writes), unlike the zonky defaults
 * made for throw-away test databases. A postmaster left running by a JVM that was killed is
 * stopped before the new one starts.
 *
 * <p>A cluster's first start is bracketed by two marker files in its directory: {@code
 * tuquan-creating}, written as soon as the new server runs (before the database is made), and
 * {@code tuquan-initialised}, written (and made durable) when the first start is over — right after
 * the database is made, or, with {@code finishFirstStartLater}, when {@link #finishFirstStart()}
 * is called (the demo: when the application is ready, its data loaded whole). At the next start, a cluster
 * without {@code tuquan-initialised} is deleted and made again when it carries {@code
 * tuquan-creating} (its first start was interrupted: what it holds is that start's own work) or
 * holds no database besides PostgreSQL's own (initdb or the first start stopped before anything
 * was made). Any other cluster — marked, or holding a database made elsewhere (restored from a
 * base backup, say) — is never deleted.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "tuquan";
    /** Owns the database and runs the migrations. */
    static final String ROLE = "tuquan";
    /** What the application connects as: only the privileges the migrations grant it. */
    static final String APP_ROLE = "tuquan_app";
    static final String INITIALISED_MARKER = "tuquan-initialised";
    /** Present from the first moments of a new cluster until its first start is over. */
    static final String CREATING_MARKER = "tuquan-creating";
    /**
     * PostgreSQL's {@code FirstNormalObjectId}: the databases initdb makes (template1, template0,
     * postgres) have lower object ids, every database made later has this one or a higher one.
     */
    private static final long FIRST_NORMAL_OBJECT_ID = 16384;
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path clusterDir;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path clusterDir, EmbeddedPostgres postgres) {
        this.clusterDir = clusterDir;
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code clusterDir}, creating the cluster on first use. */
    public static EmbeddedPostgresServer start(Path clusterDir) {
        return start(clusterDir, false);
    }

    /**
     * Starts PostgreSQL on {@code clusterDir}, creating the cluster on first use.
     *
     * @param finishFirstStartLater when the cluster is new, it counts as made only once {@link
     *        #finishFirstStart()} is called: if the process stops before, the next start makes it again
     */
    public static EmbeddedPostgresServer start(Path clusterDir, boolean finishFirstStartLater) {
        Path dir = clusterDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            refuseIfInUse(dir);
            discardUnfinishedCluster(dir);
            stopStalePostmaster(dir);
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            log.info("Starting embedded PostgreSQL in {}{}", dir, fresh ? " (new cluster)" : "");
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofMinutes(5))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, postgres);
            if (fresh) {
                writeDurably(dir.resolve(CREATING_MARKER), "first start of this cluster under way\n");
                server.createDatabase();
                if (!finishFirstStartLater) {
                    server.finishFirstStart();
                }
            } else if (!Files.exists(dir.resolve(INITIALISED_MARKER)) && server.holdsTuquanDatabase()) {
                // kept by discardUnfinishedCluster because it holds a database made elsewhere: ours from now on
                writeDurably(dir.resolve(INITIALISED_MARKER), "initialised elsewhere, adopted by Tuquan\n");
            }
            server.createAppRoleIfMissing();
            log.info("Embedded PostgreSQL ready on port {} in {} ms (fsync on, synchronous_commit on)",
                    postgres.getPort(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The owner role: for the migrations only. */
    public String ownerUsername() {
        return ROLE;
    }

    /** The role the application's connection pool uses: not the owner, not a superuser. */
    public String appUsername() {
        return APP_ROLE;
    }

    public Path clusterDir() {
        return clusterDir;
    }

    /**
     * Ends the cluster's first start: from now on the cluster is kept whatever happens. Does
     * nothing on a cluster whose first start is already over.
     */
    public void finishFirstStart() {
        Path creating = clusterDir.resolve(CREATING_MARKER);
        if (!Files.exists(creating)) {
            return;
        }
        try {
            writeDurably(clusterDir.resolve(INITIALISED_MARKER), "initialised by Tuquan\n");
            Files.delete(creating);
            syncDirectory(clusterDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not mark the cluster in " + clusterDir + " as initialised", e);
        }
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL in {}", clusterDir);
        postgres.close();
    }

    private void createDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " LOGIN");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database in the new cluster", e);
        }
    }

    /**
     * Clusters made before the application had a role of its own hold only {@code tuquan}; the
     * role is added at start (the migrations then grant it what it needs).
     */
    private void createAppRoleIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') "
                    + "THEN CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's database role " + APP_ROLE, e);
        }
    }

    /** A second Tuquan on the same directory would corrupt it: refuse early, clearly. */
    private static void refuseIfInUse(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(ZONKY_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(dir);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new DataDirectoryInUseException(dir);
        }
    }

    private boolean holdsTuquanDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the databases of the cluster in " + clusterDir, e);
        }
    }

    /**
     * Deletes the cluster in {@code dir} (that directory only, never what is beside it) when its
     * first start never finished: no {@code tuquan-initialised} marker, and either the {@code
     * tuquan-creating} marker or no database besides PostgreSQL's own.
     */
    private static void discardUnfinishedCluster(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("PG_VERSION"))
                || Files.exists(dir.resolve(INITIALISED_MARKER))) {
            return;
        }
        if (Files.exists(dir.resolve(CREATING_MARKER))) {
            log.warn("The first start on the database cluster in {} did not finish (the process stopped before it was "
                    + "ready; for the demo: before its data was loaded whole); making the cluster again", dir);
        } else if (holdsDatabaseOfItsOwn(dir)) {
            log.warn("The database cluster in {} has no {} marker but holds a database; keeping it as it is", dir,
                    INITIALISED_MARKER);
            return;
        } else {
            log.warn("The database cluster in {} was never fully initialised (an interrupted first start); "
                    + "creating it again", dir);
        }
        stopStalePostmaster(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** True when {@code base/} holds a database made after initdb (an object id from FirstNormalObjectId on). */
    private static boolean holdsDatabaseOfItsOwn(Path dir) throws IOException {
        Path base = dir.resolve("base");
        if (!Files.isDirectory(base)) {
            return false;
        }
        try (Stream<Path> databases = Files.list(base)) {
            return databases.map(p -> p.getFileName().toString())
                    .anyMatch(name -> name.matches("\\d{1,10}") && Long.parseLong(name) >= FIRST_NORMAL_OBJECT_ID);
        }
    }

    /** Writes a small file and forces it and its directory entry to disk. */
    private static void writeDurably(Path file, String content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        }
        syncDirectory(file.getParent());
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * After a {@code kill -9} of the JVM its postmaster keeps running, holding the data directory.
     * Stop it (fast shutdown, which checkpoints) so the new server can start; committed data is in
     * the WAL either way.
     */
    static void stopStalePostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> alive = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        if (alive.isEmpty()) {
            // PostgreSQL itself sees that this lock file is stale and recovers from its WAL.
            log.warn("PostgreSQL in {} did not shut down cleanly; it will recover from its write-ahead log", dir);
            return;
        }
        if (!isPostgres(alive.get())) {
            log.warn("Removing stale {}: its process id now belongs to another program", pidFile);
            Files.delete(pidFile);
            return;
        }
        ProcessHandle postmaster = alive.get();
        log.warn("PostgreSQL (pid {}) was left running on {} by a Tuquan process that did not stop cleanly; "
                + "stopping it first", postmaster.pid(), dir);
        signal("INT", postmaster.pid());
        try {
            postmaster.onExit().get(STALE_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop in {} s; killing it (WAL recovery follows)",
                    postmaster.pid(), STALE_STOP_WAIT.toSeconds());
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping stale PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        String command = process.info().command().orElse("");
        if (command.endsWith("/postgres")) {
            return true;
        }
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL", e);
        }
    }

    /** Another live Tuquan process holds the data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        DataDirectoryInUseException(Path dir) {
            super("The data directory " + dir + " is in use by another running Tuquan process. "
                    + "Stop it first, or set TUQUAN_DATA_DIR to another directory.");
        }
    }
}
