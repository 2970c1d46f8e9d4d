package vn.tuquan.access.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Passwords as NIST SP 800-63B asks: length, not composition. From 12 to 128 characters (counted
 * as Unicode code points, any character allowed), not one of the common passwords shipped in
 * {@code access/common-passwords.txt}, and not containing the username.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Why the password is refused, as a message key, or empty when it is acceptable. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("password.error.tooShort");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.error.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.error.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            return Optional.of("password.error.common");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.error.containsUsername");
        }
        return Optional.empty();
    }

    int commonCount() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/access/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("access/common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
