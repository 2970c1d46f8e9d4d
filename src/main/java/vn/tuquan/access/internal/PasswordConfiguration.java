package vn.tuquan.access.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (OWASP's first choice; Spring Security's 5.8 defaults: 16 MiB,
 * two passes, one lane), the encoder's id stored with each hash. Hashes made earlier with bcrypt are
 * still verified, and replaced by an Argon2id hash at the person's next sign-in
 * ({@link DatabaseUserDetailsService#updatePassword}). bcrypt reads only the first 72 bytes of a
 * password — a 57-character Vietnamese passphrase is 79 — so it no longer hashes anything new, and a
 * longer password against an old bcrypt hash is simply not a match.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                ARGON2,
                Map.of(
                        ARGON2,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new VerifyingBcrypt()));
    }

    /** bcrypt for verifying old hashes only. */
    static final class VerifyingBcrypt implements PasswordEncoder {

        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("new passwords are hashed with Argon2id");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > 72) {
                return false; // bcrypt never hashed such a password: it refuses them
            }
            return bcrypt.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return true;
        }
    }
}
