package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tuquan.evaluation.rules.Criteria;

/**
 * What a person must never read on a page: a message key ({@code evaluation.fact.sum}), a fact key
 * ({@code hotspots.drugs}, {@code incidents.kind.CRIME}, {@code previous.mediations.total}), a
 * criterion's code ({@code POLICIES_CARRIED_OUT}), a {@code null} printed, or a year printed as a
 * quantity ("năm 2.017", "year 2,017"). The browser tests check every page they open with it
 * ({@link Chromium.Tab}); the HTTP tests call {@link #assertNone}.
 */
public final class RawKeys {

    /** The prefixes of the evaluation's fact keys (rules.Fact). */
    private static final List<String> FACT_PREFIXES = List.of(
            "incidents.",
            "crimes.",
            "drugUsers.",
            "hotspots.",
            "households.",
            "staff.",
            "models.",
            "mediations.",
            "reEducations.",
            "children.",
            "previous.");

    private static final Pattern DOTTED =
            Pattern.compile("(?<![\\w./@-])[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+(?![\\w/@-])");
    private static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern NOTHING = Pattern.compile("\\b(null|undefined|NaN)\\b");
    private static final Pattern GROUPED_YEAR =
            Pattern.compile("(?iu)(?<![\\p{L}])(năm|kỳ|year|period)\\s+((?:19|20|21)[.,]\\d{3})(?!\\d)");
    private static final Set<String> MESSAGE_KEYS = messageKeys();

    private RawKeys() {}

    /** The raw keys, codes and grouped years found in a text, in order (empty: it reads in words). */
    public static Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        Matcher dotted = DOTTED.matcher(text);
        while (dotted.find()) {
            String token = dotted.group();
            if (MESSAGE_KEYS.contains(token) || FACT_PREFIXES.stream().anyMatch(token::startsWith)) {
                found.add(token);
            }
        }
        Matcher codes = UPPER_SNAKE.matcher(text);
        while (codes.find()) {
            if (Criteria.exists(codes.group())) {
                found.add(codes.group());
            }
        }
        Matcher nothing = NOTHING.matcher(text);
        while (nothing.find()) {
            found.add(nothing.group());
        }
        Matcher years = GROUPED_YEAR.matcher(text);
        while (years.find()) {
            found.add(years.group());
        }
        return found;
    }

    /** Fails naming what was found on the page. */
    public static void assertNone(String page, String text) {
        assertThat(in(text)).as("raw keys, codes or grouped years on %s", page).isEmpty();
    }

    private static Set<String> messageKeys() {
        Properties properties = new Properties();
        try (InputStream in = RawKeys.class.getResourceAsStream("/messages_vi.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(properties.stringPropertyNames());
    }
}
