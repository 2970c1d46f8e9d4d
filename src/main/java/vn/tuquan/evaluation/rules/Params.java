package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A criterion's thresholds and settings as its rulebook gives them (text values, e.g.
 * {@code minPercent=70}, {@code categories=SECURITY_A,SECURITY_B}). A missing value takes the
 * criterion's default; a value that does not parse is refused with the parameter's name.
 */
public record Params(Map<String, String> values) {

    public static final Params NONE = new Params(Map.of());

    public Params {
        values = Map.copyOf(values);
    }

    public static Params of(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Params(map);
    }

    public BigDecimal decimal(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a number: " + v);
        }
    }

    public long whole(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a whole number: " + v);
        }
    }

    public boolean flag(String name, boolean fallback) {
        String v = values.get(name);
        return v == null ? fallback : Boolean.parseBoolean(v.strip());
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A comma-separated list, e.g. category codes. */
    public List<String> list(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        return v == null || v.isBlank()
                ? List.of()
                : Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
