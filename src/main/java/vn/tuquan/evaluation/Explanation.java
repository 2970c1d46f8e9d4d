package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.tuquan.evaluation.rules.Classification;
import vn.tuquan.evaluation.rules.Comparison;

/**
 * The explanation. {@code verdict}, {@code rulebook} are {@code null} and {@code criteria} empty
 * when nothing is stored for the unit and year yet.
 */
public record Explanation(
        Unit unit,
        int year,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<Unit> breadcrumb,
        Verdict verdict,
        Rulebook rulebook,
        List<CriterionLine> criteria,
        List<Child> children,
        StoredClassification classification,
        Classification preview) {

    public boolean stored() {
        return verdict != null;
    }

    /**
     * The period began before the regulation that judged it came into force (the residential
     * areas' 2022 window and TT 124): the page says which rulebook judged it
     * ({@link EvaluationPeriods#beganUnderEarlierRegulation}).
     */
    public boolean beganBeforeItsRulebook() {
        return rulebook != null
                && periodFrom.isBefore(rulebook.effectiveFrom())
                && !periodTo.isBefore(rulebook.effectiveFrom());
    }

    /** A unit as the page names it; {@code inScope}: its own explanation may be opened. */
    public record Unit(long id, String name, String nameEn, String kind, boolean inScope) {}

    public record Verdict(
            String status,
            String proposed,
            OffsetDateTime computedAt,
            LocalDate registeredOn,
            boolean locked,
            String decisionNumber,
            LocalDate decisionDate,
            String decisionSigner,
            Long decidedByUnit,
            String reasons) {

        public boolean decided() {
            return "RECOGNISED".equals(status) || "REJECTED".equals(status);
        }
    }

    public record Rulebook(
            long id,
            String code,
            int version,
            String regulation,
            String nameVi,
            String nameEn,
            LocalDate effectiveFrom) {}

    /**
     * One criterion: its names and article, its result and the values compared; {@code entry} when a
     * person entered it; {@code toConfirm} when its text was not found in the regulation (RULEBOOK.md)
     * and the unit's province has not confirmed it ({@link Rulebooks#stillToConfirm}).
     */
    public record CriterionLine(
            int position,
            String criterion,
            String article,
            String nameVi,
            String nameEn,
            String result,
            List<Comparison> compared,
            Entered entry,
            boolean toConfirm) {}

    public record Entered(boolean value, String evidence, String enteredBy, OffsetDateTime enteredAt) {}

    /**
     * A unit under this one with its evaluation for the same year ({@code status}/{@code proposed} null
     * when none). For a commune, {@code counted}: one of the children its {@code children.*} facts
     * count — the evaluated units of its subtree on the tree the run read, each stored for the year —
     * {@code registered} (past NOT_REGISTERED) and {@code recognised} (RECOGNISED once decided, else
     * proposed MET) as the run counts them; the commune's other units (parishes, pagodas, industrial
     * zones) follow, not counted. Elsewhere the units directly under it, none counted.
     */
    public record Child(
            long id,
            String name,
            String nameEn,
            String kind,
            String status,
            String proposed,
            boolean counted,
            boolean registered,
            boolean recognised) {}
}
