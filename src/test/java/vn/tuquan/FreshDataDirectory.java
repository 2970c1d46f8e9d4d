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

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-data-directory",
                Map.of("tuquan.data-directory", create().toString())));
    }
}
