package vn.tuquan.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL's three roles — the superuser {@code postgres}, the owner
 * {@code tuquan} and the application's {@code tuquan_app} — generated when the cluster is made (or
 * when a cluster of an earlier Tuquan, which trusted every local connection, is moved to passwords)
 * and kept in the file {@value #FILE_NAME} inside the cluster's directory, readable by its owner only
 * ({@code rw-------}).
 *
 * <p>The file is in the format of PostgreSQL's password file ({@code .pgpass}), one line a role:
 * {@code localhost:*:*:tuquan:<password>}, so that {@code psql} and {@code pg_dump} use it as it is
 * ({@code PGPASSFILE=data/pg/tuquan-pgpass}). The passwords never appear in a log or an exception
 * message; {@link #toString()} names the roles only.
 */
public final class EmbeddedCredentials {

    public static final String FILE_NAME = "tuquan-pgpass";
    static final String SUPERUSER = "postgres";
    static final List<String> ROLES = List.of(SUPERUSER, EmbeddedPostgresServer.ROLE, EmbeddedPostgresServer.APP_ROLE);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private EmbeddedCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** New random passwords (32 letters and digits, about 186 bits) for the three roles. */
    static EmbeddedCredentials generate() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String role : ROLES) {
            StringBuilder sb = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            passwords.put(role, sb.toString());
        }
        return new EmbeddedCredentials(passwords);
    }

    /** The file of a cluster's directory. */
    public static Path file(Path clusterDir) {
        return clusterDir.resolve(FILE_NAME);
    }

    /** The passwords kept in a cluster's directory, if it has the file. */
    public static Optional<EmbeddedCredentials> read(Path clusterDir) {
        Path file = file(clusterDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", 5);
                if (fields.length == 5 && ROLES.contains(fields[3])) {
                    passwords.put(fields[3], fields[4]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the database passwords in " + file, e);
        }
        if (!passwords.keySet().containsAll(ROLES)) {
            throw new IllegalStateException("The database password file " + file + " does not name the roles " + ROLES
                    + "; restore it from a backup of the data directory");
        }
        return Optional.of(new EmbeddedCredentials(passwords));
    }

    /** The password of a role: {@code postgres}, {@code tuquan} or {@code tuquan_app}. */
    public String password(String role) {
        String password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("No password for the role " + role);
        }
        return password;
    }

    /**
     * Writes the file into the cluster's directory, owner-only, replacing it whole (a new file moved
     * over the old one) and forced to disk with its directory entry.
     */
    void write(Path clusterDir) {
        Path file = file(clusterDir);
        StringBuilder content = new StringBuilder();
        for (String role : ROLES) {
            content.append("localhost:*:*:")
                    .append(role)
                    .append(':')
                    .append(passwords.get(role))
                    .append('\n');
        }
        try {
            Path temp = Files.createTempFile(
                    clusterDir, "." + FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(content.toString()));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            try (FileChannel dir = FileChannel.open(clusterDir, StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the database passwords to " + file, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[" + String.join(", ", passwords.keySet()) + "]";
    }
}
