package vn.tuquan.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.evaluation.Evaluation.Status;
import vn.tuquan.evaluation.internal.CompetentLevels;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.internal.ProcessSteps;
import vn.tuquan.evaluation.internal.Transition;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The competent level's side of the yearly process (RULEBOOK.md "Process and authority"): the steering
 * committee accepts the submitted self-assessment or returns it with reasons; the People's Committee
 * recognises the unit safe by a decision or rejects it. A decided result is locked; reopening it needs a
 * reason and returns it to ACCEPTED. Each step needs {@code EVALUATION_APPROVE} with the competent unit
 * in the capture scope; a step the status does not allow — a repeated one included — is refused
 * ({@link EvaluationStateException}) without changing anything.
 */
@Service
public class RecognisingUnits {

    private final EvaluationStore store;
    private final ProcessSteps steps;
    private final CompetentLevels levels;
    private final Units units;
    private final EvaluationRuns runs;

    RecognisingUnits(
            EvaluationStore store, ProcessSteps steps, CompetentLevels levels, Units units, EvaluationRuns runs) {
        this.store = store;
        this.steps = steps;
        this.levels = levels;
        this.units = units;
        this.runs = runs;
    }

    /** The steering committee's appraisal found the submitted self-assessment right. */
    @Transactional
    public Evaluation accept(Caller caller, long unitId, int year) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.ACCEPT);
        steps.take(caller, e, Transition.ACCEPT, null, Map.of());
        return steps.load(unitId, year, false).orElseThrow();
    }

    /** The steering committee sends the submitted self-assessment back, with reasons; the unit edits it again. */
    @Transactional
    public Evaluation returnWithReasons(Caller caller, long unitId, int year, String reasons) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.RETURN);
        String why = ProcessSteps.reason("reasons", reasons);
        store.setReasons(e.id(), why);
        steps.take(caller, e, Transition.RETURN, why, Map.of());
        return steps.load(unitId, year, false).orElseThrow();
    }

    /** The People's Committee recognises the unit safe by a decision; the result is locked. */
    @Transactional
    public Evaluation recognise(Caller caller, long unitId, int year, Evaluation.Decision decision) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.RECOGNISE);
        decide(caller, e, Transition.RECOGNISE, decision, null);
        return steps.load(unitId, year, false).orElseThrow();
    }

    /** The People's Committee decides not to recognise the unit, with reasons; the result is locked. */
    @Transactional
    public Evaluation reject(Caller caller, long unitId, int year, Evaluation.Decision decision, String reasons) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.REJECT);
        decide(caller, e, Transition.REJECT, decision, reasons);
        return steps.load(unitId, year, false).orElseThrow();
    }

    /**
     * Reopens a decided result, with a reason (audited with the decision it undoes): it returns to
     * ACCEPTED, unlocked, for a new decision.
     */
    @Transactional
    public Evaluation reopen(Caller caller, long unitId, int year, String reason) {
        Evaluation e = approverSide(caller, unitId, year);
        if (!Transition.REOPEN.allowedFrom(e.status())) {
            throw new EvaluationStateException("evaluation.process.error.notDecided", ProcessSteps.status(e.status()));
        }
        String why = ProcessSteps.reason("reason", reason);
        Map<String, Object> undone = new LinkedHashMap<>();
        undone.put("status", e.status().name());
        undone.put("decisionNumber", e.decisionNumber());
        undone.put("decisionDate", e.decisionDate().toString());
        undone.put("decisionSigner", e.decisionSigner());
        undone.put("reasons", e.reasons());
        store.reopen(e.id());
        steps.step(caller, e.id(), unitId, year, e.status(), Transition.REOPEN.to(), why, Map.of("undone", undone));
        units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo())
                .ifPresent(u -> refreshCommune(caller, levels.of(u, e.periodTo()), year));
        return steps.load(unitId, year, false).orElseThrow();
    }

    private void decide(Caller caller, Evaluation e, Transition step, Evaluation.Decision decision, String reasons) {
        Status to = step.to();
        if (decision == null || decision.number() == null || decision.number().isBlank()) {
            throw new EvaluationRefusedException("decisionNumber", "evaluation.process.error.required");
        }
        if (TextLimits.tooLong(decision.number(), TextLimits.NUMBER)) {
            throw new EvaluationRefusedException(
                    "decisionNumber", "evaluation.process.error.tooLong", TextLimits.NUMBER);
        }
        if (decision.date() == null) {
            throw new EvaluationRefusedException("decisionDate", "evaluation.process.error.required");
        }
        if (decision.date().isAfter(Dates.today())) {
            throw new EvaluationRefusedException("decisionDate", "evaluation.process.error.future");
        }
        if (e.registeredOn() != null && decision.date().isBefore(e.registeredOn())) {
            throw new EvaluationRefusedException(
                    "decisionDate", "evaluation.process.error.beforeRegistration", e.registeredOn());
        }
        if (decision.signer() == null || decision.signer().isBlank()) {
            throw new EvaluationRefusedException("decisionSigner", "evaluation.process.error.required");
        }
        if (TextLimits.tooLong(decision.signer(), TextLimits.NAME)) {
            throw new EvaluationRefusedException("decisionSigner", "evaluation.process.error.tooLong", TextLimits.NAME);
        }
        String why = step == Transition.REJECT ? ProcessSteps.reason("reasons", reasons) : null;
        UnitView unit =
                units.find(Scope.WHOLE_COUNTRY, e.unitId(), e.periodTo()).orElseThrow();
        UnitView competent = levels.of(unit, e.periodTo());
        store.decide(
                e.id(),
                to,
                decision.number().strip(),
                decision.date(),
                decision.signer().strip(),
                competent.id(),
                why);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decisionNumber", decision.number().strip());
        detail.put("decisionDate", decision.date().toString());
        detail.put("decisionSigner", decision.signer().strip());
        detail.put("decidedByUnit", competent.id());
        steps.step(caller, e.id(), e.unitId(), e.year(), e.status(), to, why, detail);
        refreshCommune(caller, competent, e.year());
    }

    /** A decision on a unit of a commune changes the commune's own proposed verdict (its children's share). */
    private void refreshCommune(Caller caller, UnitView competent, int year) {
        if (competent != null && competent.kind() == UnitKind.COMMUNE) {
            runs.refresh(caller, competent.id(), year);
        }
    }

    /**
     * The competent level's side: EVALUATION_APPROVE and the competent unit (as the tree was at the
     * period's end) in the capture scope (403 otherwise). The evaluation is locked for the step.
     */
    private Evaluation approverSide(Caller caller, long unitId, int year) {
        steps.visible(caller.view(), unitId);
        caller.require(Permission.EVALUATION_APPROVE);
        Optional<Evaluation> found = steps.load(unitId, year, true);
        if (found.isEmpty()) {
            // nothing to approve; refuse the same way whoever asks, after the rights are known
            UnitView latest = steps.visible(caller.capture(), unitId);
            throw new EvaluationStateException(
                    "evaluation.process.error.notRegistered", latest.name(), String.valueOf(year));
        }
        Evaluation e = found.get();
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo())
                .orElseThrow(() -> new AccessRefusedException("unit " + unitId + " did not exist at the period's end"));
        UnitView competent = levels.of(unit, e.periodTo());
        if (competent == null || !units.contains(caller.capture(), competent.id(), e.periodTo())) {
            throw new AccessRefusedException(
                    "the competent level of unit " + unitId + " is outside the caller's scope");
        }
        return e;
    }

    /** A step of the competent level, refused on a locked result or from a status its table does not allow. */
    private static void expect(Evaluation e, Transition step) {
        ProcessSteps.requireUnlocked(e);
        if (!step.allowedFrom(e.status())) {
            throw new EvaluationStateException(
                    "evaluation.process.error.wrongStatus",
                    ProcessSteps.status(e.status()),
                    ProcessSteps.status(step.from().iterator().next()));
        }
    }
}
