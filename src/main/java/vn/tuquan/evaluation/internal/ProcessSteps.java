package vn.tuquan.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.Evaluation.Status;
import vn.tuquan.evaluation.EvaluationRefusedException;
import vn.tuquan.evaluation.EvaluationStateException;
import vn.tuquan.evaluation.EvaluationStepTaken;
import vn.tuquan.evaluation.RulebookVersion;
import vn.tuquan.evaluation.Rulebooks;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.evaluation.rules.Source;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * What the yearly process's use cases share ({@code Evaluations}, {@code SubmittingSelfAssessments},
 * {@code RecognisingUnits}): an evaluation with the lines of its rulebook's criteria, the checks every
 * step makes, and a step taken — a row of {@code evaluation_step} and an audited
 * {@link EvaluationStepTaken}.
 */
@Component
public class ProcessSteps {

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final Units units;
    private final Rulebooks rulebooks;
    private final ApplicationEventPublisher events;

    ProcessSteps(
            JdbcClient jdbc,
            EvaluationStore store,
            Units units,
            Rulebooks rulebooks,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.units = units;
        this.rulebooks = rulebooks;
        this.events = events;
    }

    /** The period "year" of a kind: residential areas to 31 October, the others to 15 (30) November. */
    public static Period period(String evaluatedKind, int year) {
        return UnitKind.RESIDENTIAL_AREA.name().equals(evaluatedKind)
                ? Period.residentialArea(year)
                : Period.organisation(year);
    }

    // ---- reading -----------------------------------------------------------------------------

    public Optional<Evaluation> load(long unitId, int year, boolean forUpdate) {
        return store.load(unitId, year, forUpdate);
    }

    /** The unit as it is today, refused (403) outside the scope. */
    public UnitView visible(Scope scope, long unitId) {
        return units.latest(scope, unitId)
                .orElseThrow(() -> new AccessRefusedException("unit " + unitId + " is unknown"));
    }

    /** The unit's registered evaluation, locked for the step (409 when it has none). */
    public Evaluation required(long unitId, int year) {
        Evaluation e = load(unitId, year, true).orElse(null);
        if (e == null || e.status() == Status.NOT_REGISTERED) {
            throw new EvaluationStateException(
                    "evaluation.process.error.notRegistered",
                    units.latest(Scope.WHOLE_COUNTRY, unitId)
                            .map(UnitView::name)
                            .orElse("#" + unitId),
                    String.valueOf(year));
        }
        return e;
    }

    public RulebookVersion rulebook(long id) {
        return jdbc.sql("""
                SELECT id, code, version, province_id, regulation, name_vi, name_en, effective_from FROM rulebook
                 WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new RulebookVersion(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getObject("province_id", Long.class),
                        rs.getString("regulation"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getObject("effective_from", LocalDate.class)))
                .single();
    }

    public List<Rule> rules(Evaluation e) {
        return rulebooks.criteria(rulebook(e.rulebookId()), e.unitKind()).rules();
    }

    public static Long province(UnitView unit) {
        return unit.unitPath().provinceId();
    }

    /**
     * The criteria of the rulebook, each with its stored computed outcome ({@code evaluation.outcomes}:
     * a list of outcomes, or an object holding one under {@code outcomes}) and its entered value.
     */
    public List<Evaluation.Line> lines(Long evaluationId, List<Rule> rules) {
        Map<String, Map<String, Object>> outcomes = evaluationId == null ? Map.of() : store.outcomeMaps(evaluationId);
        Map<String, Evaluation.EnteredValue> entered = evaluationId == null ? Map.of() : store.entered(evaluationId);
        List<Evaluation.Line> lines = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> outcome = outcomes.get(rule.criterion());
            String result = outcome == null ? null : String.valueOf(outcome.get("result"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> compared = outcome != null && outcome.get("compared") instanceof List<?> list
                    ? (List<Map<String, Object>>) list
                    : List.of();
            // a person enters it: nothing computed, the registers cannot give it, or it is a value people enter
            boolean toEnter = result == null
                    || Result.NEEDS_INPUT.name().equals(result)
                    || compared.stream().anyMatch(c -> Source.ENTERED.name().equals(String.valueOf(c.get("source"))));
            lines.add(new Evaluation.Line(
                    rule.criterion(),
                    rule.article(),
                    rule.nameVi(),
                    rule.nameEn(),
                    result,
                    compared,
                    entered.get(rule.criterion()),
                    toEnter));
        }
        return lines;
    }

    // ---- checks ------------------------------------------------------------------------------

    public static void requireUnlocked(Evaluation e) {
        if (e.locked()) {
            throw new EvaluationStateException("evaluation.process.error.locked", status(e.status()));
        }
    }

    /** A reason a step needs: not blank, not too long (refused naming the field). */
    public static String reason(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new EvaluationRefusedException(field, "evaluation.process.error.reason");
        }
        if (TextLimits.tooLong(text, TextLimits.TEXT)) {
            throw new EvaluationRefusedException(field, "evaluation.process.error.tooLong", TextLimits.TEXT);
        }
        return text.strip();
    }

    /** A status as a message argument: its name in the reader's language. */
    public static Object status(Status status) {
        return MessageArguments.label("evaluation.process.status." + status.name());
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Moves the evaluation along a step of the process. */
    public void take(Caller caller, Evaluation e, Transition step, String reason, Map<String, Object> detail) {
        store.moveTo(e.id(), step.to());
        step(caller, e.id(), e.unitId(), e.year(), e.status(), step.to(), reason, detail);
    }

    /** Records a step: a row of {@code evaluation_step} and its event. */
    public void step(
            Caller caller,
            long evaluationId,
            long unitId,
            int year,
            Status from,
            Status to,
            String reason,
            Map<String, Object> detail) {
        store.insertStep(evaluationId, from, to, reason, caller.username());
        events.publishEvent(new EvaluationStepTaken(
                evaluationId, unitId, year, from == null ? null : from.name(), to.name(), reason, detail));
    }
}
