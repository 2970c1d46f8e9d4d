package vn.tuquan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives each test application context a data directory of its own: two must never share one. */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static Path create() {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(root, "tq-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tests about features sign in as whole-country administrators, who hold SENSITIVE_READ and would
     * otherwise have to enrol a second factor first; a test class that sets the property itself
     * (SignInSecurityTests) keeps the rule and proves it.
     */
    static final String SECOND_FACTOR_RULE = "tuquan.security.second-factor-for-sensitive-data";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(
                new MapPropertySource("fresh-data-directory", Map.of("tuquan.data-directory", create().toString())));
        if (!context.getEnvironment().containsProperty(SECOND_FACTOR_RULE)) {
            sources.addLast(
                    new MapPropertySource("features-without-second-factor", Map.of(SECOND_FACTOR_RULE, "false")));
        }
    }
}
