package vn.tuquan.households;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A household's head, address, members, attributes or code changed (for the audit log): the fields
 * that changed, with their values before and after.
 */
public record HouseholdEdited(long householdId, long areaId, Map<String, Object> before, Map<String, Object> after) {

    public HouseholdEdited {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    static HouseholdEdited between(Household old, Household now) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        changed(before, after, "code", old.code(), now.code());
        changed(before, after, "headName", old.headName(), now.headName());
        changed(before, after, "address", old.address(), now.address());
        changed(before, after, "members", old.members(), now.members());
        changed(before, after, "catholic", old.catholic(), now.catholic());
        return new HouseholdEdited(now.id(), now.areaId(), before, after);
    }

    private static void changed(
            Map<String, Object> before, Map<String, Object> after, String field, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            before.put(field, old);
            after.put(field, now);
        }
    }
}
