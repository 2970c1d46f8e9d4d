package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.db.EmbeddedPostgresServer;

/** Key rotation re-encrypts a table's encrypted column in batches on the real database. */
@TuquanTest
class KeyRotationTests {

    @Autowired
    FieldCipher cipher;

    @Autowired
    KeyRotation rotation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void rotationReencryptsEveryValueInBatches_andOldValuesStayReadableUntilThen() throws Exception {
        // a module's table, made by its owner as a migration would; the application's role gets its grants by default
        try (Connection owner = server.connect(server.ownerUsername());
                var st = owner.createStatement()) {
            st.execute("CREATE TABLE rotation_probe (id bigint PRIMARY KEY, secret text)");
        }
        String oldKey = cipher.currentKeyId();
        List<String> plain = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            plain.add("bí mật số " + i);
            jdbc.sql("INSERT INTO rotation_probe (id, secret) VALUES (:id, :secret)")
                    .param("id", i)
                    .param("secret", i == 7 ? null : cipher.encrypt(plain.get(i - 1)))
                    .update();
        }
        String before = secret(3);

        String newKey = cipher.newKey();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(cipher.decrypt(secret(3)))
                .as("readable with the old key until rotated")
                .isEqualTo("bí mật số 3");
        jdbc.sql("UPDATE rotation_probe SET secret = :s WHERE id = 25")
                .param("s", cipher.encrypt("bí mật số 25"))
                .update();

        long reencrypted = rotation.reencryptAll(List.of(EncryptedColumns.Column.of("rotation_probe", "secret")), 10);
        assertThat(reencrypted)
                .as("24 values, one NULL, one already on the new key")
                .isEqualTo(23);
        for (int i = 1; i <= 25; i++) {
            String stored = secret(i);
            if (i == 7) {
                assertThat(stored).isNull();
            } else {
                assertThat(stored).startsWith("v1:" + newKey + ":");
                assertThat(cipher.decrypt(stored)).isEqualTo(plain.get(i - 1));
            }
        }
        assertThat(secret(3)).isNotEqualTo(before);
        assertThat(rotation.reencryptAll(List.of(EncryptedColumns.Column.of("rotation_probe", "secret")), 10))
                .as("running it again has nothing to do")
                .isZero();
    }

    private String secret(int id) {
        return jdbc.sql("SELECT secret FROM rotation_probe WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
