package vn.tuquan.evaluation;

import java.io.Serializable;

/** What a run did: verdicts computed (by result) and rows inserted, changed, unchanged, kept (locked or decided). */
public record RunSummary(
        int evaluated,
        int met,
        int notMet,
        int needsInput,
        int withoutRulebook,
        int inserted,
        int updated,
        int unchanged,
        int kept)
        implements Serializable {

    RunSummary plus(RunSummary o) {
        return new RunSummary(
                evaluated + o.evaluated,
                met + o.met,
                notMet + o.notMet,
                needsInput + o.needsInput,
                withoutRulebook + o.withoutRulebook,
                inserted + o.inserted,
                updated + o.updated,
                unchanged + o.unchanged,
                kept + o.kept);
    }
}
