package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.evaluation.internal.CompetentLevels;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.internal.ProcessSteps;
import vn.tuquan.evaluation.internal.Transition;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.UploadedFiles;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The unit's side of the yearly process (RULEBOOK.md "Process and authority"): the unit registers in
 * the first quarter, writes its self-assessment — the computed values beside the criteria a person
 * enters with evidence — and submits it to the steering committee of the competent level. Each step
 * needs {@code EVALUATION_WRITE} with the unit in the capture scope; a step the status does not allow
 * — a repeated one included — is refused ({@link EvaluationStateException}) without changing anything.
 */
@Service
public class SubmittingSelfAssessments {

    /** The largest evidence file accepted, as for movement conferences' attachments. */
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private final EvaluationStore store;
    private final ProcessSteps steps;
    private final CompetentLevels levels;
    private final Units units;
    private final Rulebooks rulebooks;
    private final EvaluationRuns runs;
    private final ApplicationEventPublisher events;

    SubmittingSelfAssessments(
            EvaluationStore store,
            ProcessSteps steps,
            CompetentLevels levels,
            Units units,
            Rulebooks rulebooks,
            EvaluationRuns runs,
            ApplicationEventPublisher events) {
        this.store = store;
        this.steps = steps;
        this.levels = levels;
        this.units = units;
        this.rulebooks = rulebooks;
        this.runs = runs;
        this.events = events;
    }

    /**
     * Registers the unit to strive for the standard in the year, on a day of the year's first
     * quarter (not in the future). The period and the rulebook in force at its end are fixed now.
     * A proposal made by a bulk run (NOT_REGISTERED) becomes the registration.
     */
    @Transactional
    public Evaluation register(Caller caller, long unitId, int year, LocalDate registeredOn) {
        UnitView latest = ownSide(caller, unitId);
        String kind = EvaluatedUnits.criteriaKind(latest)
                .orElseThrow(() -> new EvaluationRefusedException("unitId", "evaluation.process.error.notEvaluated"));
        Optional<Evaluation> existing = steps.load(unitId, year, true);
        if (existing.isPresent()
                && !Transition.REGISTER.allowedFrom(existing.get().status())) {
            throw new EvaluationStateException(
                    "evaluation.process.error.alreadyRegistered",
                    String.valueOf(year),
                    existing.get().registeredOn());
        }
        if (registeredOn == null) {
            throw new EvaluationRefusedException("registeredOn", "evaluation.process.error.required");
        }
        LocalDate q1From = LocalDate.of(year, 1, 1);
        LocalDate q1To = LocalDate.of(year, 3, 31);
        if (registeredOn.isBefore(q1From) || registeredOn.isAfter(q1To)) {
            throw new EvaluationRefusedException(
                    "registeredOn", "evaluation.process.error.notFirstQuarter", q1From, q1To);
        }
        if (registeredOn.isAfter(Dates.today())) {
            throw new EvaluationRefusedException("registeredOn", "evaluation.process.error.future");
        }
        Period period = ProcessSteps.period(kind, year);
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, period.to())
                .orElseThrow(() -> new EvaluationRefusedException(
                        "year", "evaluation.process.error.noUnitInPeriod", period.from(), period.to()));
        if (levels.of(unit, period.to()) == null) {
            throw new EvaluationRefusedException("unitId", "evaluation.process.error.noCompetentLevel");
        }
        long evaluationId;
        if (existing.isPresent()) {
            evaluationId = existing.get().id();
            store.register(evaluationId, registeredOn);
        } else {
            RulebookInForce inForce = rulebooks
                    .inForce(kind, period.to(), ProcessSteps.province(unit))
                    .filter(book ->
                            !book.criteria().rules().isEmpty()) // as the bulk run: no criteria, nothing to strive for
                    .orElseThrow(() -> new EvaluationRefusedException(
                            "year", "evaluation.process.error.noRulebook", String.valueOf(year)));
            evaluationId = store.insertRegistered(
                    unitId, year, kind, period, inForce.rulebook().id(), registeredOn);
        }
        steps.step(
                caller,
                evaluationId,
                unitId,
                year,
                existing.map(Evaluation::status).orElse(null),
                Transition.REGISTER.to(),
                null,
                Map.of("registeredOn", registeredOn.toString()));
        // the self-assessment starts from the values the registers give (EvaluationRuns, per unit)
        runs.run(caller, unitId, year);
        return steps.load(unitId, year, false).orElseThrow();
    }

    /**
     * Enters (or corrects) the value of a criterion the registers do not give, with its evidence. The
     * first entry starts the self-assessment (DRAFT); an entry on a returned one takes it back to
     * DRAFT. Refused for a criterion computed from the registers or not in the rulebook, without a
     * value, or without evidence.
     */
    @Transactional
    public Evaluation enter(Caller caller, long unitId, int year, String criterion, Boolean value, String evidence) {
        Evaluation e = editable(caller, unitId, year);
        String code = criterion == null ? "" : criterion.strip();
        Evaluation.Line line = line(e, code);
        if (!line.toEnter()) {
            throw new EvaluationRefusedException(
                    "criterion", "evaluation.process.error.computed", new Named(line.nameVi(), line.nameEn()));
        }
        if (value == null) {
            throw new EvaluationRefusedException("value", "evaluation.process.error.required");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new EvaluationRefusedException("evidence", "evaluation.process.error.evidence");
        }
        if (TextLimits.tooLong(evidence, TextLimits.NOTE)) {
            throw new EvaluationRefusedException("evidence", "evaluation.process.error.tooLong", TextLimits.NOTE);
        }
        Evaluation.EnteredValue before = line.entered();
        store.putEntry(e.id(), code, value, evidence.strip(), caller.username());
        events.publishEvent(new EvaluationEntryRecorded(
                e.id(),
                unitId,
                year,
                code,
                before == null ? null : entryMap(before.value(), before.evidence(), before.enteredBy()),
                entryMap(value, evidence.strip(), caller.username())));
        if (e.status() != Transition.ENTER.to()) {
            steps.take(caller, e, Transition.ENTER, null, Map.of());
        } else {
            store.touch(e.id());
        }
        return steps.load(unitId, year, false).orElseThrow();
    }

    /**
     * Submits the self-assessment to the steering committee of the competent level. Refused while a
     * criterion to enter has no value.
     */
    @Transactional
    public Evaluation submit(Caller caller, long unitId, int year) {
        Evaluation e = editable(caller, unitId, year);
        // the dossier goes with the values the registers give on the day it is submitted
        runs.run(caller, unitId, year);
        List<Evaluation.Line> pending = steps.lines(e.id(), steps.rules(e)).stream()
                .filter(l -> l.toEnter() && l.entered() == null)
                .toList();
        if (!pending.isEmpty()) {
            // named as the rulebook names them, in the reader's language (never the criterion's code)
            throw new EvaluationRefusedException(
                    "entries",
                    "evaluation.process.error.pending",
                    new Named(
                            String.join(
                                    "; ",
                                    pending.stream()
                                            .map(Evaluation.Line::nameVi)
                                            .toList()),
                            String.join(
                                    "; ",
                                    pending.stream()
                                            .map(Evaluation.Line::nameEn)
                                            .toList())));
        }
        steps.take(caller, e, Transition.SUBMIT, null, Map.of());
        return steps.load(unitId, year, false).orElseThrow();
    }

    /**
     * Attaches an evidence file to an entered criterion (replacing the one it had): PDF, JPEG, PNG,
     * Word or Excel, at most {@link #MAX_ATTACHMENT_BYTES}, its content of the declared type (as
     * movement conferences check theirs). Refused before the value is entered, on a locked result, or
     * once submitted.
     */
    @Transactional
    public Evaluation.Attachment attach(
            Caller caller,
            long unitId,
            int year,
            String criterion,
            String fileName,
            String contentType,
            byte[] content) {
        Evaluation e = editable(caller, unitId, year);
        String code = criterion == null ? "" : criterion.strip();
        Evaluation.Line line = line(e, code);
        if (line.entered() == null) {
            throw new EvaluationRefusedException("file", "evaluation.process.error.enterFirst");
        }
        if (content == null || content.length == 0) {
            throw new EvaluationRefusedException("file", "evaluation.process.error.fileEmpty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new EvaluationRefusedException("file", "evaluation.process.error.fileTooLarge");
        }
        String type = UploadedFiles.type(contentType);
        if (!UploadedFiles.accepted(type, content)) {
            throw new EvaluationRefusedException("file", "evaluation.process.error.fileType");
        }
        String name = UploadedFiles.safeName(fileName, "minh-chung");
        Evaluation.Attachment before = line.entered().attachment();
        store.putAttachment(e.id(), code, name, type, content, caller.username());
        Evaluation.Attachment after = new Evaluation.Attachment(name, type, content.length, caller.username());
        events.publishEvent(new EvaluationEntryRecorded(
                e.id(),
                unitId,
                year,
                code,
                before == null ? null : Map.of("attachment", before),
                Map.of("attachment", after)));
        store.touch(e.id());
        return after;
    }

    /** The unit's side: EVALUATION_WRITE and the unit in the capture scope (403 otherwise). */
    private UnitView ownSide(Caller caller, long unitId) {
        UnitView unit = steps.visible(caller.capture(), unitId);
        caller.require(Permission.EVALUATION_WRITE);
        return unit;
    }

    /** The unit's side on a self-assessment it may still change: not locked, not submitted (409 otherwise). */
    private Evaluation editable(Caller caller, long unitId, int year) {
        ownSide(caller, unitId);
        Evaluation e = steps.required(unitId, year);
        ProcessSteps.requireUnlocked(e);
        if (!e.status().editable()) {
            throw new EvaluationStateException("evaluation.process.error.notEditable", ProcessSteps.status(e.status()));
        }
        return e;
    }

    /** A criterion of the evaluation's rulebook, refused naming the field when it has no such criterion. */
    private Evaluation.Line line(Evaluation e, String code) {
        return steps.lines(e.id(), steps.rules(e)).stream()
                .filter(l -> l.criterion().equals(code))
                .findFirst()
                .orElseThrow(() ->
                        new EvaluationRefusedException("criterion", "evaluation.process.error.unknownCriterion", code));
    }

    private static Map<String, Object> entryMap(boolean value, String evidence, String by) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", value);
        map.put("evidence", evidence);
        map.put("enteredBy", by);
        return map;
    }
}
