package vn.tuquan.evaluation;

import java.util.Set;

/**
 * What of a point table is still "to confirm" (QĐ 510 as RULEBOOK.md found it): the items whose
 * text and points were not found in a source, and whether the level thresholds are. Read as the
 * table stands today, for a stored classification too: the mark is about the regulation, not
 * about the score.
 */
public record ClassificationToConfirm(Set<String> items, boolean levels) {

    public static final ClassificationToConfirm NOTHING = new ClassificationToConfirm(Set.of(), false);
}
