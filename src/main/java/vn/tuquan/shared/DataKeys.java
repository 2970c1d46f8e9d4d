package vn.tuquan.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys: AES-256 keys by id. From {@code TUQUAN_DATA_KEY} (id {@code env}) or from files
 * {@code k1.key}, {@code k2.key} … in {@code <data dir>/keys} (the highest number encrypts; all
 * decrypt). The directory and files must be readable by their owner only; Tuquan refuses to
 * start otherwise. Never logged, never printed.
 */
final class DataKeys {

    static final String ENV_KEY_ID = "env";
    private static final Pattern KEY_FILE = Pattern.compile("k(\\d{1,9})\\.key");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String currentId;

    private DataKeys(Map<String, SecretKey> keys, String currentId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.currentId = currentId;
    }

    /**
     * Loads the keys, creating the directory and a first key file when there is neither an
     * environment key nor a key file.
     *
     * @param envKey the value of {@code TUQUAN_DATA_KEY} (base64 of 32 bytes), or blank
     */
    static DataKeys load(Path dir, String envKey) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int newestFile = readFiles(dir, keys);
        if (envKey != null && !envKey.isBlank()) {
            keys.put(ENV_KEY_ID, decodeKey(envKey.strip(), "TUQUAN_DATA_KEY"));
            return new DataKeys(keys, ENV_KEY_ID);
        }
        if (newestFile == 0) {
            newestFile = createKeyFile(dir, 1);
            readFiles(dir, keys);
        }
        return new DataKeys(keys, "k" + newestFile);
    }

    /**
     * The keys as the directory holds them now (another process — {@code ./tuquan keys rotate} —
     * may have added a key file); {@code current} when it holds none any more (never a new file).
     */
    static DataKeys reread(Path dir, String envKey, DataKeys current) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int newestFile = readFiles(dir, keys);
        if (envKey != null && !envKey.isBlank()) {
            keys.put(ENV_KEY_ID, decodeKey(envKey.strip(), "TUQUAN_DATA_KEY"));
            return new DataKeys(keys, ENV_KEY_ID);
        }
        return newestFile == 0 ? current : new DataKeys(keys, "k" + newestFile);
    }

    /** Writes a new key file numbered after the newest one; returns the keys with it as the current key. */
    DataKeys withNewKeyFile(Path dir) {
        if (ENV_KEY_ID.equals(currentId)) {
            throw new IllegalStateException("TUQUAN_DATA_KEY is set: key files are not rotated");
        }
        int next = Integer.parseInt(currentId.substring(1)) + 1;
        createKeyFile(dir, next);
        Map<String, SecretKey> all = new LinkedHashMap<>();
        readFiles(dir, all);
        return new DataKeys(all, "k" + next);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    SecretKey byId(String id) {
        return keys.get(id);
    }

    @Override
    public String toString() {
        return "DataKeys[current " + currentId + ", " + keys.size() + " key(s)]";
    }

    /** Reads every key file; returns the highest number found, 0 when none. */
    private static int readFiles(Path dir, Map<String, SecretKey> into) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        refuseIfOpenToOthers(dir, true);
        int newest = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = KEY_FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                refuseIfOpenToOthers(file, false);
                int number = Integer.parseInt(m.group(1));
                into.put(
                        "k" + number,
                        decodeKey(
                                Files.readString(file, StandardCharsets.US_ASCII)
                                        .strip(),
                                file.toString()));
                newest = Math.max(newest, number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the data keys in " + dir, e);
        }
        return newest;
    }

    private static int createKeyFile(Path dir, int number) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR); // whatever the umask
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Path file = dir.resolve("k" + number + ".key");
            if (Files.exists(file)) {
                throw new IllegalStateException("The key file " + file + " exists already");
            }
            Path temp = Files.createTempFile(
                    dir, ".k" + number, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            return number;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data key in " + dir, e);
        }
    }

    private static void refuseIfOpenToOthers(Path path, boolean directory) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the permissions of " + path, e);
        }
        boolean open = permissions.stream()
                .anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        if (open) {
            throw new InsecureKeyFileException(path, PosixFilePermissions.toString(permissions), directory);
        }
    }

    private static SecretKey decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    source + " does not hold a base64 key (32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " holds " + bytes.length
                    + " bytes; a data key is 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A key file or its directory can be read by other users of the machine: refuse to start. */
    public static final class InsecureKeyFileException extends IllegalStateException {
        InsecureKeyFileException(Path path, String permissions, boolean directory) {
            super("The data key " + (directory ? "directory " : "file ") + path + " can be read by other users ("
                    + permissions + "). Only Tuquan's own user may read it: run `chmod "
                    + (directory ? "700" : "600") + " " + path + "`, then start again.");
        }
    }
}
