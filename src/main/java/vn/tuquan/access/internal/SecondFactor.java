package vn.tuquan.access.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.access.AccountChanged;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.EncryptedColumns;
import vn.tuquan.shared.FieldCipher;

/**
 * The TOTP second factor of each person: enrolment (a secret confirmed by a first code) and
 * checking a code at sign-in. A code is accepted once: its 30-second step is recorded, and only a
 * later step is accepted next time.
 */
@Component
public class SecondFactor implements EncryptedColumns {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;

    SecondFactor(JdbcClient jdbc, FieldCipher cipher, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
    }

    /** The TOTP secret is stored encrypted; key rotation re-encrypts it. */
    @Override
    public List<Column> encryptedColumns() {
        return List.of(Column.of("users", "totp_secret"));
    }

    public boolean enrolled(String username) {
        return jdbc.sql("SELECT totp_secret IS NOT NULL FROM users WHERE username = :username")
                .param("username", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Checks the code against the person's secret; true at most once per code. */
    public boolean verify(String username, String code) {
        Optional<String> secret = jdbc.sql("SELECT totp_secret FROM users WHERE username = :username")
                .param("username", username)
                .query(String.class)
                .optional();
        if (secret.isEmpty() || secret.get() == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(cipher.decrypt(secret.get()), code, Dates.now());
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                UPDATE users SET totp_last_step = :step
                WHERE username = :username AND (totp_last_step IS NULL OR totp_last_step < :step)
                """)
                        .param("step", step.getAsLong())
                        .param("username", username)
                        .update()
                == 1;
    }

    /** Stores the secret when the code proves the person's app holds it; false when the code is wrong. Audited. */
    @Transactional
    public boolean enrol(String username, String secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, Dates.now());
        if (step.isEmpty()) {
            return false;
        }
        boolean enrolled = jdbc.sql("""
                UPDATE users SET totp_secret = :secret, totp_last_step = :step WHERE username = :username
                """)
                        .param("secret", cipher.encrypt(secret))
                        .param("step", step.getAsLong())
                        .param("username", username)
                        .update()
                == 1;
        if (enrolled) {
            events.publishEvent(new AccountChanged(username, AccountChanged.Change.SECOND_FACTOR_ENROLLED));
        }
        return enrolled;
    }
}
