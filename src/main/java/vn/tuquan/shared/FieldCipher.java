package vn.tuquan.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive field values for storage: AES-256-GCM with a random 96-bit nonce per value,
 * stored as {@code v1:<key id>:<base64(nonce | ciphertext | tag)>}. The version and key id are
 * authenticated too (GCM's additional data), so a value cannot be moved to another key id, and a
 * changed byte anywhere makes {@link #decrypt} throw: never garbage.
 *
 * <p>Rules for callers: never log, print or put in an exception message a decrypted value (nor
 * this object's keys, which it does not expose); decrypt only to show the value to a person
 * allowed to see it, and publish a {@code SensitiveRead} (audit module) when you do. Register
 * the columns you encrypt as an {@link EncryptedColumns} bean so key rotation re-encrypts them.
 *
 * <p>The key files may change under a running server: {@code ./tuquan keys rotate} (another
 * process) adds one while Tuquan serves. The key directory is read again when its modification time
 * changed (looked at before each encryption, so new values take the new key from the server's next
 * write on) and whenever a value names a key not read yet.
 */
@Component
public class FieldCipher {

    static final String VERSION = "v1";
    private static final Pattern STORED = Pattern.compile("v1:([a-z0-9]{1,16}):([A-Za-z0-9+/=]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keysDir;
    private final String envKey;
    private volatile DataKeys keys;
    /** The key directory's modification time when it was last read ({@code null}: no directory). */
    private volatile FileTime keysRead;

    FieldCipher(@Value("${tuquan.data-directory}") Path dataDir, @Value("${tuquan.data-key:}") String envKey) {
        this.keysDir = dataDir.resolve("keys");
        this.envKey = envKey;
        this.keys = DataKeys.load(keysDir, envKey);
        this.keysRead = modified(keysDir);
    }

    /** The keys, read again first when the directory changed since. */
    private DataKeys keys() {
        if (!Objects.equals(modified(keysDir), keysRead)) {
            reread(false);
        }
        return keys;
    }

    private synchronized void reread(boolean always) {
        FileTime modified = modified(keysDir);
        if (always || !Objects.equals(modified, keysRead)) {
            keys = DataKeys.reread(keysDir, envKey, keys);
            keysRead = modified;
        }
    }

    private static FileTime modified(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.getLastModifiedTime(dir) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the data key directory " + dir, e);
        }
    }

    /** Encrypts with the current key; {@code null} stays {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        DataKeys current = keys();
        String header = VERSION + ":" + current.currentId();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return header + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a stored value; {@code null} stays {@code null}.
     *
     * @throws UnreadableValueException when the value is malformed, its key is unknown, or it was changed
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        Matcher m = STORED.matcher(stored);
        if (!m.matches()) {
            throw new UnreadableValueException("not an encrypted value of format v1");
        }
        SecretKey key = keys().byId(m.group(1));
        if (key == null) {
            reread(true); // a key file made since, perhaps within the directory's time resolution
            key = keys.byId(m.group(1));
        }
        if (key == null) {
            throw new UnreadableValueException("no data key with id " + m.group(1)
                    + " (is the key file missing from <data dir>/keys, or TUQUAN_DATA_KEY different?)");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new UnreadableValueException("not valid base64");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableValueException("too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD((VERSION + ":" + m.group(1)).getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableValueException("authentication failed: the value was changed or the key is wrong");
        } catch (GeneralSecurityException e) {
            throw new UnreadableValueException(
                    "decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return keys().currentId();
    }

    /** Whether a stored value is encrypted with the current key (rotation leaves it alone then). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(VERSION + ":" + keys().currentId() + ":");
    }

    /** Makes a new key file the current key; values encrypted before stay readable. */
    synchronized String newKey() {
        keys = keys().withNewKeyFile(keysDir);
        keysRead = modified(keysDir);
        return keys.currentId();
    }

    boolean keyFromEnvironment() {
        return DataKeys.ENV_KEY_ID.equals(keys.currentId());
    }

    @Override
    public String toString() {
        return "FieldCipher[AES-256-GCM, current key " + keys.currentId() + "]";
    }

    /** A stored value that cannot be decrypted. Its message never holds the value. */
    public static final class UnreadableValueException extends RuntimeException {
        UnreadableValueException(String reason) {
            super("Cannot decrypt a stored value: " + reason);
        }
    }
}
