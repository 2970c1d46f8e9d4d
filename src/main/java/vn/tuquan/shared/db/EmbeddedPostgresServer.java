package vn.tuquan.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on a persistent data directory, owned by this process — or, for a
 * command of {@code ./tuquan} while Tuquan serves, the server of the Tuquan running on that
 * directory ({@link #forCommand}).
 *
 * <p>Durability is on (fsync, synchronous commit, full-page writes), unlike the zonky defaults
 * made for throw-away test databases. A postmaster left running by a JVM that was killed is
 * stopped before the new one starts.
 *
 * <p><b>Passwords.</b> Every connection gives its role's password ({@code scram-sha-256} for every
 * line of {@code pg_hba.conf}, no {@code trust}); the server listens on {@code localhost} only and
 * on no Unix socket. The passwords of {@code postgres}, {@code tuquan} and {@code tuquan_app} are
 * generated with the cluster and kept in {@link EmbeddedCredentials#FILE_NAME} in its directory,
 * owner-only. A cluster made by an earlier Tuquan, whose {@code pg_hba.conf} trusts local
 * connections, is moved to passwords at its next start, keeping its data: the passwords are written
 * first, then set on the roles, then {@code pg_hba.conf} is replaced and reloaded (a start stopped
 * midway does the rest the next time, with the same passwords).
 *
 * <p>A cluster's first start is bracketed by two marker files in its directory: {@code
 * tuquan-creating}, written as soon as the new server runs (before the database is made), and
 * {@code tuquan-initialised}, written (and made durable) when the first start is over — right after
 * the database is made, or, with {@code finishFirstStartLater}, when {@link #finishFirstStart()}
 * is called (the application: when it is ready — for {@code serve} after the administrator's
 * password was printed, for the demo after its data was loaded whole). At the next start, a cluster
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

    static final String SUPERUSER = EmbeddedCredentials.SUPERUSER;
    public static final String INITIALISED_MARKER = "tuquan-initialised";
    /** Present from the first moments of a new cluster until its first start is over. */
    public static final String CREATING_MARKER = "tuquan-creating";
    /** Held by a command of {@code ./tuquan} that started the cluster's server for itself. */
    static final String COMMAND_LOCK = "tuquan-command.lock";
    /**
     * PostgreSQL's {@code FirstNormalObjectId}: the databases initdb makes (template1, template0,
     * postgres) have lower object ids, every database made later has this one or a higher one.
     */
    private static final long FIRST_NORMAL_OBJECT_ID = 16384;

    private static final String ZONKY_LOCK = "epg-lock";
    private static final String HBA = "pg_hba.conf";
    private static final String HBA_CONTENT = """
            # Written by Tuquan: every connection gives its role's password (scram-sha-256). The passwords
            # of postgres, tuquan and tuquan_app are in tuquan-pgpass beside this file (owner-only; usable as
            # PGPASSFILE). Lost them? Put `trust` for METHOD in the lines below and start Tuquan: it makes new
            # passwords and writes this file again (docs/operations.md, "The embedded PostgreSQL").
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(60);
    /**
     * The clusters whose server this JVM runs: found in use without opening their lock file, since
     * closing a second channel on a file releases every lock this JVM holds on it (POSIX locks).
     */
    private static final Set<Path> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path clusterDir;
    /** The server this process started; {@code null} when it uses the running Tuquan's. */
    private final EmbeddedPostgres postgres;

    private final int port;
    /** {@code null} only when attached to a server of an earlier Tuquan that trusts local connections. */
    private final EmbeddedCredentials credentials;

    private final CommandLock commandLock;

    private EmbeddedPostgresServer(
            Path clusterDir,
            EmbeddedPostgres postgres,
            int port,
            EmbeddedCredentials credentials,
            CommandLock commandLock) {
        this.clusterDir = clusterDir;
        this.postgres = postgres;
        this.port = port;
        this.credentials = credentials;
        this.commandLock = commandLock;
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
        return start(clusterDir.toAbsolutePath().normalize(), finishFirstStartLater, null);
    }

    /**
     * The database for a command of {@code ./tuquan}, which never makes a cluster: when a Tuquan
     * serves on the directory, its running PostgreSQL (the port in {@code postmaster.pid}, the
     * passwords in {@link EmbeddedCredentials#FILE_NAME}; nothing is started, no file of it is
     * written); otherwise a server of the command's own, started on the existing cluster and stopped
     * by {@link #close()}.
     *
     * @throws NoDatabaseYetException when the directory holds no cluster whose first start is over
     * @throws CommandRunningException when another command started the cluster's server for itself
     * @throws ServerNotReadyException when a Tuquan on the directory is still starting, or stopping
     */
    public static EmbeddedPostgresServer forCommand(Path clusterDir) {
        Path dir = clusterDir.toAbsolutePath().normalize();
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            throw new NoDatabaseYetException(dir);
        }
        CommandLock lock = CommandLock.take(dir);
        try {
            if (inUse(dir)) {
                lock.release(); // others may use the running server at the same time
                return attach(dir);
            }
            if (!Files.exists(dir.resolve(INITIALISED_MARKER))) {
                throw new NoDatabaseYetException(dir);
            }
            return start(dir, false, lock);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private static EmbeddedPostgresServer start(Path dir, boolean finishFirstStartLater, CommandLock commandLock) {
        try {
            Files.createDirectories(dir.getParent());
            refuseIfInUse(dir);
            discardUnfinishedCluster(dir);
            stopStalePostmaster(dir);
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            boolean trusting = !fresh && trustsConnections(dir);
            EmbeddedCredentials credentials;
            if (fresh) {
                credentials = EmbeddedCredentials.generate();
            } else {
                Optional<EmbeddedCredentials> kept = EmbeddedCredentials.read(dir);
                if (kept.isEmpty() && !trusting) {
                    throw new CredentialsMissingException(dir);
                }
                if (kept.isEmpty()) {
                    // an earlier Tuquan's cluster: the passwords are kept before they are set, so that a
                    // start stopped midway sets the same ones next time
                    credentials = EmbeddedCredentials.generate();
                    credentials.write(dir);
                } else {
                    credentials = kept.get();
                }
            }
            log.info("Starting embedded PostgreSQL in {}{}", dir, fresh ? " (new cluster)" : "");
            long started = System.nanoTime();
            EmbeddedPostgres postgres = startPostgres(dir, fresh, credentials);
            RUNNING_HERE.add(dir);
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(dir, postgres, postgres.getPort(), credentials, commandLock);
            try {
                if (fresh) {
                    credentials.write(dir);
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
                if (trusting) {
                    server.moveToPasswords();
                }
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
            log.info(
                    "Embedded PostgreSQL ready on port {} in {} ms (fsync on, synchronous_commit on, passwords "
                            + "asked: scram-sha-256)",
                    postgres.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * Runs initdb on a new cluster with password authentication and the superuser's password (zonky
     * passes its "locale" options to initdb as {@code --name=value}, after its own {@code -A trust},
     * which they override), then starts the server, which the library checks by connecting as the
     * superuser with its password.
     */
    private static EmbeddedPostgres startPostgres(Path dir, boolean fresh, EmbeddedCredentials credentials)
            throws IOException {
        Path passwordFile = null;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
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
                    // no Unix socket (it was /tmp's, open to every account): TCP on localhost only
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", credentials.password(SUPERUSER));
            if (fresh) {
                // beside the cluster's directory, which initdb wants empty; deleted once initdb has read it
                passwordFile = Files.createTempFile(
                        dir.getParent(),
                        ".tuquan-initdb",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, credentials.password(SUPERUSER) + "\n", StandardCharsets.UTF_8);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            return builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
    }

    /**
     * A server started by a Tuquan serving on this directory: used as it is. Checked: the first
     * start is over and {@code postmaster.pid} names a live process that says it is ready.
     */
    private static EmbeddedPostgresServer attach(Path dir) throws ServerNotReadyException {
        if (!Files.exists(dir.resolve(INITIALISED_MARKER))) {
            throw new ServerNotReadyException(dir); // the first start (the administrator, the demo's load) is under way
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServerNotReadyException(dir);
        }
        // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, shared memory,
        // status
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        boolean alive =
                pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        if (!alive || lines.size() < 8 || !"ready".equals(lines.get(7).strip())) {
            throw new ServerNotReadyException(dir);
        }
        int port = Integer.parseInt(lines.get(3).strip());
        EmbeddedCredentials credentials = EmbeddedCredentials.read(dir).orElse(null);
        log.info(
                "Tuquan is running on {}: this command uses its PostgreSQL (pid {}, port {}) and starts none",
                dir,
                pid.get(),
                port);
        return new EmbeddedPostgresServer(dir, null, port, credentials, null);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The owner role: for the migrations only. */
    public String ownerUsername() {
        return ROLE;
    }

    /** The role the application's connection pool uses: not the owner, not a superuser. */
    public String appUsername() {
        return APP_ROLE;
    }

    /**
     * The password of {@code postgres}, {@code tuquan} or {@code tuquan_app}; {@code null} only for
     * the running server of an earlier Tuquan, which asks for none.
     */
    public String password(String role) {
        return credentials == null ? null : credentials.password(role);
    }

    /** A connection to the database {@code tuquan} as one of the three roles. */
    public Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, password(role));
    }

    /** True when this process uses the server of the Tuquan serving on the directory. */
    public boolean attached() {
        return postgres == null;
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
        try {
            if (postgres != null) {
                log.info("Stopping embedded PostgreSQL in {}", clusterDir);
                postgres.close();
                RUNNING_HERE.remove(clusterDir);
            }
        } finally {
            if (commandLock != null) {
                commandLock.release();
            }
        }
    }

    private Connection superuser() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private void createDatabase() {
        try (Connection c = superuser();
                var st = c.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " LOGIN");
            setPassword(c, ROLE);
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
        try (Connection c = superuser();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
            if (!rs.next()) {
                st.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
                setPassword(c, APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's database role " + APP_ROLE, e);
        }
    }

    /**
     * A cluster of an earlier Tuquan trusted every local connection: its roles get the passwords
     * (already kept in the file), then {@code pg_hba.conf} asks for them and is reloaded.
     */
    private void moveToPasswords() throws IOException {
        try (Connection c = superuser()) {
            for (String role : EmbeddedCredentials.ROLES) {
                setPassword(c, role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the passwords of the database roles in " + clusterDir, e);
        }
        Path hba = clusterDir.resolve(HBA);
        Path temp = Files.createTempFile(
                clusterDir,
                "." + HBA,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(HBA_CONTENT));
            channel.force(true);
        }
        try {
            Files.move(temp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, hba, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(clusterDir);
        try (Connection c = superuser();
                var st = c.createStatement()) {
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload pg_hba.conf in " + clusterDir, e);
        }
        log.warn(
                "The embedded PostgreSQL in {} trusted every local connection (a cluster of an earlier Tuquan); "
                        + "it now asks for passwords (scram-sha-256), kept owner-only in {}",
                clusterDir,
                EmbeddedCredentials.file(clusterDir));
    }

    /** Sets a role's password as a SCRAM verifier computed here: the password itself never reaches the server. */
    private void setPassword(Connection superuser, String role) throws SQLException {
        char[] password = credentials.password(role).toCharArray();
        superuser.unwrap(PGConnection.class).alterUserPassword(role, password, null);
    }

    /** True when a line of {@code pg_hba.conf} lets connections in without a password. */
    private static boolean trustsConnections(Path dir) throws IOException {
        Path hba = dir.resolve(HBA);
        if (!Files.exists(hba)) {
            return false;
        }
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            for (String field : entry.split("\\s+")) {
                if (field.toLowerCase(Locale.ROOT).equals("trust")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True while another process (or this one) runs a server on the directory: zonky's lock is held. */
    private static boolean inUse(Path dir) {
        if (RUNNING_HERE.contains(dir)) {
            return true;
        }
        try (FileChannel channel =
                FileChannel.open(dir.resolve(ZONKY_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check whether " + dir + " is in use", e);
        }
    }

    /** A second Tuquan on the same directory would corrupt it: refuse early, clearly. */
    private static void refuseIfInUse(Path dir) {
        if (Files.isDirectory(dir) && inUse(dir)) {
            throw new DataDirectoryInUseException(dir);
        }
    }

    private boolean holdsTuquanDatabase() {
        try (Connection c = superuser();
                var rs = c.createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
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
        if (!Files.isDirectory(dir)
                || !Files.exists(dir.resolve("PG_VERSION"))
                || Files.exists(dir.resolve(INITIALISED_MARKER))) {
            return;
        }
        if (Files.exists(dir.resolve(CREATING_MARKER))) {
            log.warn(
                    "The first start on the database cluster in {} did not finish (the process stopped before it was "
                            + "ready; for the demo: before its data was loaded whole); making the cluster again",
                    dir);
        } else if (holdsDatabaseOfItsOwn(dir)) {
            log.warn(
                    "The database cluster in {} has no {} marker but holds a database; keeping it as it is",
                    dir,
                    INITIALISED_MARKER);
            return;
        } else {
            log.warn(
                    "The database cluster in {} was never fully initialised (an interrupted first start); "
                            + "creating it again",
                    dir);
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
            return databases
                    .map(p -> p.getFileName().toString())
                    .anyMatch(name -> name.matches("\\d{1,10}") && Long.parseLong(name) >= FIRST_NORMAL_OBJECT_ID);
        }
    }

    /** Writes a small file and forces it and its directory entry to disk. */
    private static void writeDurably(Path file, String content) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
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
        Optional<ProcessHandle> alive = lines.isEmpty()
                ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
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
        log.warn(
                "PostgreSQL (pid {}) was left running on {} by a Tuquan process that did not stop cleanly; "
                        + "stopping it first",
                postmaster.pid(),
                dir);
        signal("INT", postmaster.pid());
        try {
            postmaster.onExit().get(STALE_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "PostgreSQL (pid {}) did not stop in {} s; killing it (WAL recovery follows)",
                    postmaster.pid(),
                    STALE_STOP_WAIT.toSeconds());
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping stale PostgreSQL", e);
        } catch (ExecutionException e) {
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
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL", e);
        }
    }

    /**
     * The lock a command of {@code ./tuquan} holds while it runs a server of its own on the cluster,
     * so that another command does not use that server, which stops when the first command ends.
     * Released by the operating system if the process dies.
     */
    private static final class CommandLock {

        private final FileChannel channel;
        private final FileLock lock;

        private CommandLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static CommandLock take(Path dir) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(
                        dir.resolve(COMMAND_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new CommandRunningException(dir);
                }
                return new CommandLock(channel, lock);
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                throw new CommandRunningException(dir);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Could not lock " + dir.resolve(COMMAND_LOCK), e);
            }
        }

        void release() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                log.warn("Could not release {}: {}", COMMAND_LOCK, e.getMessage());
            }
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** Why Tuquan will not work on a data directory now, and what to do about it (see {@code DataDirectoryFailureAnalyzer}). */
    public abstract static class DataDirectoryRefusedException extends IllegalStateException {
        private final String action;

        DataDirectoryRefusedException(String message, String action) {
            super(message);
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    /** Another live Tuquan process holds the data directory. */
    public static final class DataDirectoryInUseException extends DataDirectoryRefusedException {
        DataDirectoryInUseException(Path dir) {
            super(
                    "The data directory " + dir + " is in use by another running Tuquan process. "
                            + "Stop it first, or set TUQUAN_DATA_DIR to another directory.",
                    "Stop the other Tuquan process (or wait for it to stop), or start this one with another "
                            + "TUQUAN_DATA_DIR. Two servers must never share one embedded database; the commands of "
                            + "./tuquan use the running one's.");
        }
    }

    /** A command on a data directory where {@code serve} never finished a first start. */
    public static final class NoDatabaseYetException extends DataDirectoryRefusedException {
        NoDatabaseYetException(Path dir) {
            super(
                    "There is no Tuquan database in " + dir + " yet: run `./tuquan serve` once first "
                            + "(its first start makes the database and the administrator account, and prints its password).",
                    "Start `./tuquan serve` (with the same TUQUAN_DATA_DIR) and note the administrator's password it "
                            + "prints; the commands work while it runs, or after it stopped. Commands never make a database.");
        }
    }

    /** Another command runs a server of its own on the cluster. */
    public static final class CommandRunningException extends DataDirectoryRefusedException {
        CommandRunningException(Path dir) {
            super(
                    "Another ./tuquan command is using the database in " + dir + " (Tuquan is not serving: it started "
                            + "the database for itself). Run this command again when that one has ended.",
                    "Wait for the other command to end, or start `./tuquan serve`: while it serves, any number of "
                            + "commands can run at once.");
        }
    }

    /** A Tuquan on the directory is still starting (or stopping): its database is not ready for a command. */
    public static final class ServerNotReadyException extends DataDirectoryRefusedException {
        ServerNotReadyException(Path dir) {
            super(
                    "Tuquan is starting or stopping on " + dir + ": run the command again when it is ready "
                            + "(its log says \"Tuquan is ready at\") or has stopped.",
                    "Wait for the running Tuquan to be ready, then run the command again.");
        }
    }

    /** A cluster that asks for passwords whose password file is gone. */
    public static final class CredentialsMissingException extends DataDirectoryRefusedException {
        CredentialsMissingException(Path dir) {
            super(
                    "The embedded PostgreSQL in " + dir + " asks for passwords, but its password file "
                            + EmbeddedCredentials.file(dir) + " is missing.",
                    "Restore " + EmbeddedCredentials.FILE_NAME + " (owner-only, rw-------) from a backup of the data "
                            + "directory. Or, to have new passwords made, write `trust` for METHOD in the lines of "
                            + dir.resolve(HBA) + " and start Tuquan: it makes new passwords, keeps them in "
                            + EmbeddedCredentials.FILE_NAME + " and asks for them again (docs/operations.md).");
        }
    }
}
