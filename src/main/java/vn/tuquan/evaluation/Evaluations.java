package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.evaluation.Evaluation.Status;
import vn.tuquan.evaluation.internal.CompetentLevels;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.internal.Transition;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.evaluation.rules.Source;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.UploadedFiles;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The yearly evaluation's process, from registration to the recognition decision (RULEBOOK.md
 * "Process and authority"): the unit registers in the first quarter, writes its self-assessment
 * (the computed values beside the criteria a person enters with evidence) and submits it; the
 * steering committee of the competent level accepts it or returns it with reasons; the People's
 * Committee of that level recognises the unit by a decision or rejects it. A decided result is
 * locked; reopening it needs a reason and returns it to ACCEPTED. Every step is a row of
 * {@code evaluation_step} and an audited {@link EvaluationStepTaken}.
 *
 * <p>Who may do what: the unit's side (register, enter, submit) needs {@code EVALUATION_WRITE} with
 * the unit in the capture scope; the competent level's side (accept, return, recognise, reject,
 * reopen) needs {@code EVALUATION_APPROVE} with the competent unit in the capture scope. A step the
 * status does not allow — a repeated one included — is refused ({@link EvaluationStateException})
 * without changing anything.
 */
@Service
public class Evaluations {

    /** The largest evidence file accepted, as for movement conferences' attachments. */
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final CompetentLevels levels;
    private final Units units;
    private final Rulebooks rulebooks;
    private final EvaluationRuns runs;
    private final ApplicationEventPublisher events;

    Evaluations(JdbcClient jdbc, EvaluationStore store, CompetentLevels levels, Units units, Rulebooks rulebooks,
            EvaluationRuns runs, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.levels = levels;
        this.units = units;
        this.rulebooks = rulebooks;
        this.runs = runs;
        this.events = events;
    }

    // ---- who, when ---------------------------------------------------------------------------

    /** The period "year" of a kind: residential areas to 31 October, the others to 15 (30) November. */
    public static Period period(String evaluatedKind, int year) {
        return UnitKind.RESIDENTIAL_AREA.name().equals(evaluatedKind) ? Period.residentialArea(year)
                : Period.organisation(year);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The unit's evaluation for a year, when it has one (refused outside the scope). */
    public Optional<Evaluation> find(Scope scope, long unitId, int year) {
        visible(scope, unitId);
        return load(unitId, year, false);
    }

    /** The whole process of one unit for one year, as the process page shows it. */
    public EvaluationProcess process(Scope scope, long unitId, int year) {
        UnitView latest = visible(scope, unitId);
        String kind = EvaluatedUnits.criteriaKind(latest).orElse(null);
        Optional<Evaluation> evaluation = load(unitId, year, false);
        Period period = evaluation.map(e -> new Period(year, e.periodFrom(), e.periodTo()))
                .orElseGet(() -> period(kind == null ? UnitKind.COMMUNE.name() : kind, year));
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, period.to()).orElse(latest);
        UnitView competent = unit.validOn(period.to()) ? levels.of(unit, period.to()) : null;
        String rulebook = null;
        Named rulebookName = null;
        Long rulebookId = null;
        List<Rule> rules = List.of();
        if (evaluation.isPresent()) {
            RulebookVersion version = rulebook(evaluation.get().rulebookId());
            rulebook = version.regulation() + " (" + version.code() + " v" + version.version() + ")";
            rulebookName = new Named(version.nameVi(), version.nameEn());
            rulebookId = version.id();
            rules = rulebooks.criteria(version, evaluation.get().unitKind()).rules();
        } else if (kind != null) {
            Optional<RulebookInForce> inForce = rulebooks.inForce(kind, period.to(), province(unit));
            if (inForce.isPresent()) {
                var v = inForce.get().rulebook();
                rulebook = v.regulation() + " (" + v.code() + " v" + v.version() + ")";
                rulebookName = new Named(v.nameVi(), v.nameEn());
                rulebookId = v.id();
                rules = inForce.get().criteria().rules();
            }
        }
        Map<String, Object> facts = evaluation.map(e -> store.facts(e.id())).orElse(null);
        Set<String> toConfirm = rulebookId == null ? Set.of()
                : rulebooks.stillToConfirm(rulebookId, evaluation.map(Evaluation::unitKind).orElse(kind), province(unit));
        List<Evaluation.Line> lines = lines(evaluation.map(Evaluation::id).orElse(null), rules).stream()
                .map(l -> toConfirm.contains(l.criterion()) ? new Evaluation.Line(l.criterion(), l.article(), l.nameVi(),
                        l.nameEn(), l.computed(), l.compared(), l.entered(), l.toEnter(), true) : l)
                .toList();
        List<Evaluation.Step> steps = evaluation.map(e -> store.steps(e.id())).orElse(List.of());
        return new EvaluationProcess(unit, year, kind, period.from(), period.to(), evaluation.orElse(null), rulebook,
                rulebookName,
                competent, kind == null ? null : dueBefore(kind, year).orElse(null), facts, lines, steps);
    }

    /**
     * The units under a unit (and itself) registered for the year whose process is not finished —
     * not submitted, or submitted but not decided — on a day past their kind's deadline
     * ({@code evaluation_deadline}), earliest deadline first.
     */
    public List<Evaluation.Overdue> overdue(Scope scope, long unitId, int year, LocalDate on) {
        visible(scope, unitId);
        // the tree on the day asked, or on the year's last day for a day after the year
        LocalDate treeDay = on.isBefore(LocalDate.of(year, 12, 31)) ? on : LocalDate.of(year, 12, 31);
        List<Long> ids = units.subtreeWithRoot(scope, unitId, Set.of(), treeDay).stream().map(UnitView::id).toList();
        List<Evaluation.Overdue> overdue = new ArrayList<>();
        for (EvaluationStore.OverdueRow r : store.overdue(year, ids, on)) {
            String name = units.latest(Scope.WHOLE_COUNTRY, r.unitId()).map(UnitView::name).orElse("#" + r.unitId());
            overdue.add(new Evaluation.Overdue(r.unitId(), name, r.unitKind(), r.status(), r.dueBefore(),
                    r.registeredOn()));
        }
        return overdue;
    }

    /** The day before which a kind's dossier is due in a year ({@code evaluation_deadline}). */
    public Optional<LocalDate> dueBefore(String evaluatedKind, int year) {
        return store.dueBefore(evaluatedKind, year);
    }

    // ---- the unit's side ---------------------------------------------------------------------

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
        Optional<Evaluation> existing = load(unitId, year, true);
        if (existing.isPresent() && !Transition.REGISTER.allowedFrom(existing.get().status())) {
            throw new EvaluationStateException("evaluation.process.error.alreadyRegistered", String.valueOf(year),
                    existing.get().registeredOn());
        }
        if (registeredOn == null) {
            throw new EvaluationRefusedException("registeredOn", "evaluation.process.error.required");
        }
        LocalDate q1From = LocalDate.of(year, 1, 1);
        LocalDate q1To = LocalDate.of(year, 3, 31);
        if (registeredOn.isBefore(q1From) || registeredOn.isAfter(q1To)) {
            throw new EvaluationRefusedException("registeredOn", "evaluation.process.error.notFirstQuarter", q1From, q1To);
        }
        if (registeredOn.isAfter(Dates.today())) {
            throw new EvaluationRefusedException("registeredOn", "evaluation.process.error.future");
        }
        Period period = period(kind, year);
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, period.to())
                .orElseThrow(() -> new EvaluationRefusedException("year", "evaluation.process.error.noUnitInPeriod",
                        period.from(), period.to()));
        if (levels.of(unit, period.to()) == null) {
            throw new EvaluationRefusedException("unitId", "evaluation.process.error.noCompetentLevel");
        }
        long evaluationId;
        if (existing.isPresent()) {
            evaluationId = existing.get().id();
            store.register(evaluationId, registeredOn);
        } else {
            RulebookInForce inForce = rulebooks.inForce(kind, period.to(), province(unit))
                    .filter(book -> !book.criteria().rules().isEmpty()) // as the bulk run: no criteria, nothing to strive for
                    .orElseThrow(() -> new EvaluationRefusedException("year", "evaluation.process.error.noRulebook", String.valueOf(year)));
            evaluationId = store.insertRegistered(unitId, year, kind, period, inForce.rulebook().id(), registeredOn);
        }
        step(caller, evaluationId, unitId, year, existing.map(Evaluation::status).orElse(null), Transition.REGISTER.to(), null,
                Map.of("registeredOn", registeredOn.toString()));
        // the self-assessment starts from the values the registers give (EvaluationRuns, per unit)
        runs.run(caller, unitId, year);
        return load(unitId, year, false).orElseThrow();
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
            throw new EvaluationRefusedException("criterion", "evaluation.process.error.computed",
                    new Named(line.nameVi(), line.nameEn()));
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
        events.publishEvent(new EvaluationEntryRecorded(e.id(), unitId, year, code,
                before == null ? null : entryMap(before.value(), before.evidence(), before.enteredBy()),
                entryMap(value, evidence.strip(), caller.username())));
        if (e.status() != Transition.ENTER.to()) {
            take(caller, e, Transition.ENTER, null, Map.of());
        } else {
            touch(e.id());
        }
        return load(unitId, year, false).orElseThrow();
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
        List<Evaluation.Line> pending = lines(e.id(), rules(e)).stream().filter(l -> l.toEnter() && l.entered() == null)
                .toList();
        if (!pending.isEmpty()) {
            // named as the rulebook names them, in the reader's language (never the criterion's code)
            throw new EvaluationRefusedException("entries", "evaluation.process.error.pending", new Named(
                    String.join("; ", pending.stream().map(Evaluation.Line::nameVi).toList()),
                    String.join("; ", pending.stream().map(Evaluation.Line::nameEn).toList())));
        }
        take(caller, e, Transition.SUBMIT, null, Map.of());
        return load(unitId, year, false).orElseThrow();
    }

    /**
     * Attaches an evidence file to an entered criterion (replacing the one it had): PDF, JPEG, PNG,
     * Word or Excel, at most {@link #MAX_ATTACHMENT_BYTES}, its content of the declared type (as
     * movement conferences check theirs). Refused before the value is entered, on a locked result, or
     * once submitted.
     */
    @Transactional
    public Evaluation.Attachment attach(Caller caller, long unitId, int year, String criterion, String fileName,
            String contentType, byte[] content) {
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
        events.publishEvent(new EvaluationEntryRecorded(e.id(), unitId, year, code,
                before == null ? null : Map.of("attachment", before), Map.of("attachment", after)));
        touch(e.id());
        return after;
    }

    /** An entry's evidence file with its content, when it has one. */
    public Optional<Map.Entry<Evaluation.Attachment, byte[]>> attachment(Scope scope, long unitId, int year,
            String criterion) {
        visible(scope, unitId);
        return store.attachment(unitId, year, criterion);
    }

    // ---- the competent level's side ----------------------------------------------------------

    /** The steering committee's appraisal found the submitted self-assessment right. */
    @Transactional
    public Evaluation accept(Caller caller, long unitId, int year) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.ACCEPT);
        take(caller, e, Transition.ACCEPT, null, Map.of());
        return load(unitId, year, false).orElseThrow();
    }

    /** The steering committee sends the submitted self-assessment back, with reasons; the unit edits it again. */
    @Transactional
    public Evaluation returnWithReasons(Caller caller, long unitId, int year, String reasons) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.RETURN);
        String why = reason("reasons", reasons);
        store.setReasons(e.id(), why);
        take(caller, e, Transition.RETURN, why, Map.of());
        return load(unitId, year, false).orElseThrow();
    }

    /** The People's Committee recognises the unit safe by a decision; the result is locked. */
    @Transactional
    public Evaluation recognise(Caller caller, long unitId, int year, Evaluation.Decision decision) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.RECOGNISE);
        decide(caller, e, Transition.RECOGNISE, decision, null);
        return load(unitId, year, false).orElseThrow();
    }

    /** The People's Committee decides not to recognise the unit, with reasons; the result is locked. */
    @Transactional
    public Evaluation reject(Caller caller, long unitId, int year, Evaluation.Decision decision, String reasons) {
        Evaluation e = approverSide(caller, unitId, year);
        expect(e, Transition.REJECT);
        decide(caller, e, Transition.REJECT, decision, reasons);
        return load(unitId, year, false).orElseThrow();
    }

    /**
     * Reopens a decided result, with a reason (audited with the decision it undoes): it returns to
     * ACCEPTED, unlocked, for a new decision.
     */
    @Transactional
    public Evaluation reopen(Caller caller, long unitId, int year, String reason) {
        Evaluation e = approverSide(caller, unitId, year);
        if (!Transition.REOPEN.allowedFrom(e.status())) {
            throw new EvaluationStateException("evaluation.process.error.notDecided", status(e.status()));
        }
        String why = reason("reason", reason);
        Map<String, Object> undone = new LinkedHashMap<>();
        undone.put("status", e.status().name());
        undone.put("decisionNumber", e.decisionNumber());
        undone.put("decisionDate", e.decisionDate().toString());
        undone.put("decisionSigner", e.decisionSigner());
        undone.put("reasons", e.reasons());
        store.reopen(e.id());
        step(caller, e.id(), unitId, year, e.status(), Transition.REOPEN.to(), why, Map.of("undone", undone));
        units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo()).ifPresent(u -> refreshCommune(caller, levels.of(u, e.periodTo()), year));
        return load(unitId, year, false).orElseThrow();
    }

    /** The unit whose People's Committee decided (or will decide) the evaluation. */
    public Optional<UnitView> competentUnit(Scope scope, long unitId, int year) {
        visible(scope, unitId);
        Evaluation e = load(unitId, year, false).orElse(null);
        if (e != null && e.decidedByUnit() != null) {
            return units.find(Scope.WHOLE_COUNTRY, e.decidedByUnit(), e.periodTo())
                    .or(() -> units.latest(Scope.WHOLE_COUNTRY, e.decidedByUnit()));
        }
        if (e == null) {
            return Optional.empty();
        }
        return units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo()).map(u -> levels.of(u, e.periodTo()));
    }

    private void decide(Caller caller, Evaluation e, Transition step, Evaluation.Decision decision, String reasons) {
        Status to = step.to();
        if (decision == null || decision.number() == null || decision.number().isBlank()) {
            throw new EvaluationRefusedException("decisionNumber", "evaluation.process.error.required");
        }
        if (TextLimits.tooLong(decision.number(), TextLimits.NUMBER)) {
            throw new EvaluationRefusedException("decisionNumber", "evaluation.process.error.tooLong", TextLimits.NUMBER);
        }
        if (decision.date() == null) {
            throw new EvaluationRefusedException("decisionDate", "evaluation.process.error.required");
        }
        if (decision.date().isAfter(Dates.today())) {
            throw new EvaluationRefusedException("decisionDate", "evaluation.process.error.future");
        }
        if (e.registeredOn() != null && decision.date().isBefore(e.registeredOn())) {
            throw new EvaluationRefusedException("decisionDate", "evaluation.process.error.beforeRegistration",
                    e.registeredOn());
        }
        if (decision.signer() == null || decision.signer().isBlank()) {
            throw new EvaluationRefusedException("decisionSigner", "evaluation.process.error.required");
        }
        if (TextLimits.tooLong(decision.signer(), TextLimits.NAME)) {
            throw new EvaluationRefusedException("decisionSigner", "evaluation.process.error.tooLong", TextLimits.NAME);
        }
        String why = step == Transition.REJECT ? reason("reasons", reasons) : null;
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, e.unitId(), e.periodTo()).orElseThrow();
        UnitView competent = levels.of(unit, e.periodTo());
        store.decide(e.id(), to, decision.number().strip(), decision.date(), decision.signer().strip(), competent.id(),
                why);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decisionNumber", decision.number().strip());
        detail.put("decisionDate", decision.date().toString());
        detail.put("decisionSigner", decision.signer().strip());
        detail.put("decidedByUnit", competent.id());
        step(caller, e.id(), e.unitId(), e.year(), e.status(), to, why, detail);
        refreshCommune(caller, competent, e.year());
    }

    /** A decision on a unit of a commune changes the commune's own proposed verdict (its children's share). */
    private void refreshCommune(Caller caller, UnitView competent, int year) {
        if (competent != null && competent.kind() == UnitKind.COMMUNE) {
            runs.refresh(caller, competent.id(), year);
        }
    }

    // ---- checks ------------------------------------------------------------------------------

    private UnitView visible(Scope scope, long unitId) {
        return units.latest(scope, unitId)
                .orElseThrow(() -> new AccessRefusedException("unit " + unitId + " is unknown"));
    }

    /** The unit's side: EVALUATION_WRITE and the unit in the capture scope (403 otherwise). */
    private UnitView ownSide(Caller caller, long unitId) {
        UnitView unit = visible(caller.capture(), unitId);
        caller.require(Permission.EVALUATION_WRITE);
        return unit;
    }

    /**
     * The competent level's side: EVALUATION_APPROVE and the competent unit (as the tree was at the
     * period's end) in the capture scope (403 otherwise). The evaluation is locked for the step.
     */
    private Evaluation approverSide(Caller caller, long unitId, int year) {
        visible(caller.view(), unitId);
        caller.require(Permission.EVALUATION_APPROVE);
        Optional<Evaluation> found = load(unitId, year, true);
        if (found.isEmpty()) {
            // nothing to approve; refuse the same way whoever asks, after the rights are known
            UnitView latest = visible(caller.capture(), unitId);
            throw new EvaluationStateException("evaluation.process.error.notRegistered", latest.name(),
                    String.valueOf(year));
        }
        Evaluation e = found.get();
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo()).orElseThrow(
                () -> new AccessRefusedException("unit " + unitId + " did not exist at the period's end"));
        UnitView competent = levels.of(unit, e.periodTo());
        if (competent == null || !units.contains(caller.capture(), competent.id(), e.periodTo())) {
            throw new AccessRefusedException("the competent level of unit " + unitId + " is outside the caller's scope");
        }
        return e;
    }

    /** The unit's side on a self-assessment it may still change: not locked, not submitted (409 otherwise). */
    private Evaluation editable(Caller caller, long unitId, int year) {
        ownSide(caller, unitId);
        Evaluation e = required(unitId, year);
        requireUnlocked(e);
        if (!e.status().editable()) {
            throw new EvaluationStateException("evaluation.process.error.notEditable", status(e.status()));
        }
        return e;
    }

    /** A criterion of the evaluation's rulebook, refused naming the field when it has no such criterion. */
    private Evaluation.Line line(Evaluation e, String code) {
        return lines(e.id(), rules(e)).stream().filter(l -> l.criterion().equals(code)).findFirst()
                .orElseThrow(() -> new EvaluationRefusedException("criterion", "evaluation.process.error.unknownCriterion",
                        code));
    }

    private Evaluation required(long unitId, int year) {
        Evaluation e = load(unitId, year, true).orElse(null);
        if (e == null || e.status() == Status.NOT_REGISTERED) {
            throw new EvaluationStateException("evaluation.process.error.notRegistered",
                    units.latest(Scope.WHOLE_COUNTRY, unitId).map(UnitView::name).orElse("#" + unitId), String.valueOf(year));
        }
        return e;
    }

    private static void requireUnlocked(Evaluation e) {
        if (e.locked()) {
            throw new EvaluationStateException("evaluation.process.error.locked", status(e.status()));
        }
    }

    /** A step of the competent level, refused on a locked result or from a status its table does not allow. */
    private static void expect(Evaluation e, Transition step) {
        requireUnlocked(e);
        if (!step.allowedFrom(e.status())) {
            throw new EvaluationStateException("evaluation.process.error.wrongStatus", status(e.status()),
                    status(step.from().iterator().next()));
        }
    }

    private static String reason(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new EvaluationRefusedException(field, "evaluation.process.error.reason");
        }
        if (TextLimits.tooLong(text, TextLimits.TEXT)) {
            throw new EvaluationRefusedException(field, "evaluation.process.error.tooLong", TextLimits.TEXT);
        }
        return text.strip();
    }

    /** A status as a message argument: its name in the reader's language. */
    private static Object status(Status status) {
        return MessageArguments.label("evaluation.process.status." + status.name());
    }

    // ---- writing -----------------------------------------------------------------------------

    private void take(Caller caller, Evaluation e, Transition step, String reason, Map<String, Object> detail) {
        store.moveTo(e.id(), step.to());
        step(caller, e.id(), e.unitId(), e.year(), e.status(), step.to(), reason, detail);
    }

    private void touch(long evaluationId) {
        store.touch(evaluationId);
    }

    private void step(Caller caller, long evaluationId, long unitId, int year, Status from, Status to, String reason,
            Map<String, Object> detail) {
        store.insertStep(evaluationId, from, to, reason, caller.username());
        events.publishEvent(new EvaluationStepTaken(evaluationId, unitId, year, from == null ? null : from.name(),
                to.name(), reason, detail));
    }

    private static Map<String, Object> entryMap(boolean value, String evidence, String by) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", value);
        map.put("evidence", evidence);
        map.put("enteredBy", by);
        return map;
    }

    // ---- rows --------------------------------------------------------------------------------

    private Optional<Evaluation> load(long unitId, int year, boolean forUpdate) {
        return store.load(unitId, year, forUpdate);
    }

    private RulebookVersion rulebook(long id) {
        return jdbc.sql("""
                SELECT id, code, version, province_id, regulation, name_vi, name_en, effective_from FROM rulebook
                 WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new RulebookVersion(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                        rs.getObject("province_id", Long.class), rs.getString("regulation"), rs.getString("name_vi"),
                        rs.getString("name_en"), rs.getObject("effective_from", LocalDate.class)))
                .single();
    }

    private List<Rule> rules(Evaluation e) {
        return rulebooks.criteria(rulebook(e.rulebookId()), e.unitKind()).rules();
    }

    private static Long province(UnitView unit) {
        return unit.unitPath().provinceId();
    }

    /**
     * The criteria of the rulebook, each with its stored computed outcome ({@code evaluation.outcomes}:
     * a list of outcomes, or an object holding one under {@code outcomes}) and its entered value.
     */
    private List<Evaluation.Line> lines(Long evaluationId, List<Rule> rules) {
        Map<String, Map<String, Object>> outcomes = evaluationId == null ? Map.of() : store.outcomeMaps(evaluationId);
        Map<String, Evaluation.EnteredValue> entered = evaluationId == null ? Map.of() : store.entered(evaluationId);
        List<Evaluation.Line> lines = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> outcome = outcomes.get(rule.criterion());
            String result = outcome == null ? null : String.valueOf(outcome.get("result"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> compared = outcome != null && outcome.get("compared") instanceof List<?> list
                    ? (List<Map<String, Object>>) list : List.of();
            // a person enters it: nothing computed, the registers cannot give it, or it is a value people enter
            boolean toEnter = result == null || Result.NEEDS_INPUT.name().equals(result)
                    || compared.stream().anyMatch(c -> Source.ENTERED.name().equals(String.valueOf(c.get("source"))));
            lines.add(new Evaluation.Line(rule.criterion(), rule.article(), rule.nameVi(), rule.nameEn(), result, compared,
                    entered.get(rule.criterion()), toEnter));
        }
        return lines;
    }
}
