package vn.tuquan.evaluation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.tuquan.evaluation.rules.Fact;

/** A commune's children as its {@code children.*} facts count them; all residential areas among them counted apart. */
public record ChildrenCounts(
        long total, long registered, long recognised, long areas, long areasRegistered, long areasRecognised) {

    static final ChildrenCounts NONE = new ChildrenCounts(0, 0, 0, 0, 0, 0);

    /** These counts and one more child. */
    ChildrenCounts plus(boolean isRegistered, boolean isRecognised, boolean isArea) {
        return new ChildrenCounts(
                total + 1,
                registered + (isRegistered ? 1 : 0),
                recognised + (isRecognised ? 1 : 0),
                areas + (isArea ? 1 : 0),
                areasRegistered + (isArea && isRegistered ? 1 : 0),
                areasRecognised + (isArea && isRecognised ? 1 : 0));
    }

    /** The counts under their fact keys. */
    Map<String, Long> facts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(Fact.CHILDREN_TOTAL, total);
        counts.put(Fact.CHILDREN_REGISTERED, registered);
        counts.put(Fact.CHILDREN_RECOGNISED, recognised);
        counts.put(Fact.CHILDREN_AREAS_TOTAL, areas);
        counts.put(Fact.CHILDREN_AREAS_REGISTERED, areasRegistered);
        counts.put(Fact.CHILDREN_AREAS_RECOGNISED, areasRecognised);
        return counts;
    }
}
