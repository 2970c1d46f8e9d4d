package vn.tuquan.evaluation.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every criterion there is, by code: rulebooks name them, and only these. */
public final class Criteria {

    private static final Map<String, Criterion> ALL = new LinkedHashMap<>();

    static {
        for (Criterion c : List.<Criterion>of(
                new HouseholdsRegistered(),
                new NoNewDrugUsers())) {
            if (ALL.put(c.code(), c) != null) {
                throw new IllegalStateException("two criteria share the code " + c.code());
            }
        }
    }

    private Criteria() {
    }

    public static Criterion get(String code) {
        Criterion c = ALL.get(code);
        if (c == null) {
            throw new IllegalArgumentException("no criterion has the code " + code);
        }
        return c;
    }

    public static boolean exists(String code) {
        return ALL.containsKey(code);
    }

    public static Map<String, Criterion> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
