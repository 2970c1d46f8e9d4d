package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tuquan.FreshDataDirectory;

/** AES-256-GCM field encryption and its key files, without Spring. */
class FieldCipherTests {

    private static FieldCipher cipher(Path dataDir) {
        return new FieldCipher(dataDir, "");
    }

    @Test
    void aValueComesBackAsItWent_inTheCompactFormat_withAFreshNonceEachTime() {
        FieldCipher cipher = cipher(FreshDataDirectory.create());
        String plain = "Nguyễn Văn A, số 12 đường Trần Hưng Đạo — tiền án: 2";
        Set<String> stored = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String s = cipher.encrypt(plain);
            assertThat(s).matches("v1:k1:[A-Za-z0-9+/]+=*").doesNotContain("Nguy");
            assertThat(cipher.decrypt(s)).isEqualTo(plain);
            stored.add(s);
        }
        assertThat(stored).as("a random nonce per value").hasSize(20);
        assertThat(Base64.getDecoder().decode(stored.iterator().next().substring(6)))
                .as("12-byte nonce + ciphertext + 16-byte tag")
                .hasSize(12 + plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16);
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(cipher.toString()).doesNotContain(plain).contains("k1");
    }

    @Test
    void aChangedByteAnywhereIsRefused_neverGarbage() {
        FieldCipher cipher = cipher(FreshDataDirectory.create());
        String stored = cipher.encrypt("người cung cấp tin: Trần Thị B");
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
        for (int i = 0; i < raw.length; i++) {
            byte[] flipped = raw.clone();
            flipped[i] ^= 0x01;
            String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(flipped);
            assertThatThrownBy(() -> cipher.decrypt(tampered))
                    .as("byte " + i)
                    .isInstanceOf(FieldCipher.UnreadableValueException.class)
                    .hasMessageNotContaining("Trần");
        }
        assertThatThrownBy(() -> cipher.decrypt("Trần Thị B"))
                .isInstanceOf(FieldCipher.UnreadableValueException.class)
                .hasMessageNotContaining("Trần");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, 20)))
                .isInstanceOf(FieldCipher.UnreadableValueException.class);
    }

    @Test
    void anUnknownKeyId_anotherKeysId_orAnotherInstallationsKeyIsRefused() {
        Path dataDir = FreshDataDirectory.create();
        FieldCipher cipher = cipher(dataDir);
        String stored = cipher.encrypt("bí mật");
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("v1:k1:", "v1:k9:")))
                .isInstanceOf(FieldCipher.UnreadableValueException.class)
                .hasMessageContaining("no data key with id k9");
        cipher.newKey();
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("v1:k1:", "v1:k2:")))
                .as("the key id is authenticated: a value cannot be moved to another key")
                .isInstanceOf(FieldCipher.UnreadableValueException.class)
                .hasMessageContaining("authentication failed");
        FieldCipher elsewhere = cipher(FreshDataDirectory.create());
        assertThatThrownBy(() -> elsewhere.decrypt(stored))
                .isInstanceOf(FieldCipher.UnreadableValueException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    void theKeyFileIsMadeOwnerOnly_andAKeyFileOthersCanReadStopsTheStart() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        FieldCipher first = cipher(dataDir);
        Path keys = dataDir.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("k1.key"))))
                .isEqualTo("rw-------");
        String stored = first.encrypt("giữ nguyên");
        assertThat(cipher(dataDir).decrypt(stored))
                .as("the next start reads the same key")
                .isEqualTo("giữ nguyên");

        Files.setPosixFilePermissions(keys.resolve("k1.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> cipher(dataDir))
                .isInstanceOf(DataKeys.InsecureKeyFileException.class)
                .hasMessageContaining("k1.key can be read by other users (rw-r--r--)")
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(keys.resolve("k1.key"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-x---"));
        assertThatThrownBy(() -> cipher(dataDir))
                .isInstanceOf(DataKeys.InsecureKeyFileException.class)
                .hasMessageContaining("chmod 700");
    }

    @Test
    void theEnvironmentKeyIsUsedWhenSet_andAWrongOneIsRefusedClearly() {
        Path dataDir = FreshDataDirectory.create();
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        FieldCipher cipher = new FieldCipher(dataDir, key);
        assertThat(cipher.encrypt("x")).startsWith("v1:env:");
        assertThat(new FieldCipher(dataDir, key).decrypt(cipher.encrypt("x"))).isEqualTo("x");
        assertThat(dataDir.resolve("keys"))
                .as("no key file with an environment key")
                .doesNotExist();
        assertThatThrownBy(() -> new FieldCipher(dataDir, Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("TUQUAN_DATA_KEY holds 16 bytes")
                .hasMessageNotContaining("AAAA");
        assertThatThrownBy(() -> new FieldCipher(dataDir, "not base64!"))
                .hasMessageContaining("TUQUAN_DATA_KEY does not hold a base64 key");
    }

    @Test
    void aNewKeyEncryptsFromThenOn_andValuesOfTheOldKeyStayReadable() {
        Path dataDir = FreshDataDirectory.create();
        FieldCipher cipher = cipher(dataDir);
        String old = cipher.encrypt("cũ");
        assertThat(cipher.newKey()).isEqualTo("k2");
        assertThat(cipher.encrypt("mới")).startsWith("v1:k2:");
        assertThat(cipher.decrypt(old)).isEqualTo("cũ");
        assertThat(cipher.isCurrent(old)).isFalse();
        FieldCipher restarted = cipher(dataDir);
        assertThat(restarted.currentKeyId())
                .as("the newest file is the current key")
                .isEqualTo("k2");
        assertThat(restarted.decrypt(old)).isEqualTo("cũ");
    }
}
