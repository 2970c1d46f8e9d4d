package vn.tuquan.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Period;
import vn.tuquan.units.UnitView;

/**
 * Everything the process page shows for one unit and one year: the unit, its evaluation (absent
 * before it registers), the period and the rulebook, the level that appraises and recognises it,
 * (its regulation and version, and its name in both languages), the deadline, the computed facts ({@code null}: not computed yet), each criterion with what was
 * computed and entered, and the steps taken, oldest first.
 */
public record EvaluationProcess(
        UnitView unit,
        int year,
        String evaluatedKind,
        LocalDate periodFrom,
        LocalDate periodTo,
        Evaluation evaluation,
        String rulebook,
        Named rulebookName,
        UnitView competent,
        LocalDate dueBefore,
        Map<String, Object> facts,
        List<Evaluation.Line> lines,
        List<Evaluation.Step> steps) {

    @JsonProperty("registered")
    public boolean registered() {
        return evaluation != null && evaluation.status() != Evaluation.Status.NOT_REGISTERED;
    }

    @JsonProperty("status")
    public Evaluation.Status status() {
        return evaluation == null ? Evaluation.Status.NOT_REGISTERED : evaluation.status();
    }

    /**
     * The period began before TT 124 came into force and is judged under it (the residential areas'
     * 2022): the page says which rulebook judges it ({@link EvaluationPeriods#beganUnderEarlierRegulation}).
     */
    @JsonProperty("beganUnderEarlierRegulation")
    public boolean beganUnderEarlierRegulation() {
        return rulebook != null
                && EvaluationPeriods.beganUnderEarlierRegulation(new Period(year, periodFrom, periodTo));
    }

    /** Criteria of the rulebook still marked "to confirm" for the unit's province. */
    @JsonProperty("toConfirm")
    public List<String> toConfirm() {
        return lines.stream()
                .filter(Evaluation.Line::toConfirm)
                .map(Evaluation.Line::criterion)
                .toList();
    }

    /** Criteria a person must still enter before the self-assessment can be submitted. */
    @JsonProperty("pending")
    public List<String> pending() {
        return lines.stream()
                .filter(l -> l.toEnter() && l.entered() == null)
                .map(Evaluation.Line::criterion)
                .toList();
    }
}
