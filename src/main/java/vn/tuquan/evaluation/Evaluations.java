package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.tuquan.evaluation.internal.CompetentLevels;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.internal.ProcessSteps;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The yearly evaluation's process as it stands, from registration to the recognition decision (RULEBOOK.md
 * "Process and authority"): one unit's evaluation and process, the overdue dossiers under a unit, an
 * evidence file, the competent level. The steps are taken by {@link SubmittingSelfAssessments} (the unit's
 * side) and {@link RecognisingUnits} (the competent level's side). Every read is refused outside the scope.
 */
@Service
public class Evaluations {

    private final EvaluationStore store;
    private final ProcessSteps steps;
    private final CompetentLevels levels;
    private final Units units;
    private final Rulebooks rulebooks;

    Evaluations(EvaluationStore store, ProcessSteps steps, CompetentLevels levels, Units units, Rulebooks rulebooks) {
        this.store = store;
        this.steps = steps;
        this.levels = levels;
        this.units = units;
        this.rulebooks = rulebooks;
    }

    /**
     * The units of the given ones recognised "safe in security and order" for the year (status
     * RECOGNISED: the People's Committee's decision), for the statistics. Refused when a unit lies
     * outside the scope.
     */
    public Set<Long> recognised(Scope scope, Collection<Long> unitIds, int year) {
        if (!scope.wholeCountry()) {
            units.findAll(scope, unitIds, Period.residentialArea(year).to());
        }
        Set<Long> recognised = new HashSet<>();
        store.existing(unitIds.toArray(Long[]::new), year).forEach((unit, existing) -> {
            if (Evaluation.Status.RECOGNISED.name().equals(existing.status())) {
                recognised.add(unit);
            }
        });
        return recognised;
    }

    /** The unit's evaluation for a year, when it has one (refused outside the scope). */
    public Optional<Evaluation> find(Scope scope, long unitId, int year) {
        steps.visible(scope, unitId);
        return steps.load(unitId, year, false);
    }

    /** The whole process of one unit for one year, as the process page shows it. */
    public EvaluationProcess process(Scope scope, long unitId, int year) {
        UnitView latest = steps.visible(scope, unitId);
        String kind = EvaluatedUnits.criteriaKind(latest).orElse(null);
        Optional<Evaluation> evaluation = steps.load(unitId, year, false);
        Period period = evaluation
                .map(e -> new Period(year, e.periodFrom(), e.periodTo()))
                .orElseGet(() -> ProcessSteps.period(kind == null ? UnitKind.COMMUNE.name() : kind, year));
        UnitView unit = units.find(Scope.WHOLE_COUNTRY, unitId, period.to()).orElse(latest);
        UnitView competent = unit.validOn(period.to()) ? levels.of(unit, period.to()) : null;
        String rulebook = null;
        Named rulebookName = null;
        Long rulebookId = null;
        List<Rule> rules = List.of();
        if (evaluation.isPresent()) {
            RulebookVersion version = steps.rulebook(evaluation.get().rulebookId());
            rulebook = version.regulation() + " (" + version.code() + " v" + version.version() + ")";
            rulebookName = new Named(version.nameVi(), version.nameEn());
            rulebookId = version.id();
            rules = rulebooks.criteria(version, evaluation.get().unitKind()).rules();
        } else if (kind != null) {
            Optional<RulebookInForce> inForce = rulebooks.inForce(kind, period.to(), ProcessSteps.province(unit));
            if (inForce.isPresent()) {
                var v = inForce.get().rulebook();
                rulebook = v.regulation() + " (" + v.code() + " v" + v.version() + ")";
                rulebookName = new Named(v.nameVi(), v.nameEn());
                rulebookId = v.id();
                rules = inForce.get().criteria().rules();
            }
        }
        Map<String, Object> facts = evaluation.map(e -> store.facts(e.id())).orElse(null);
        Set<String> toConfirm = rulebookId == null
                ? Set.of()
                : rulebooks.stillToConfirm(
                        rulebookId, evaluation.map(Evaluation::unitKind).orElse(kind), ProcessSteps.province(unit));
        List<Evaluation.Line> lines = steps.lines(evaluation.map(Evaluation::id).orElse(null), rules).stream()
                .map(l -> toConfirm.contains(l.criterion())
                        ? new Evaluation.Line(
                                l.criterion(),
                                l.article(),
                                l.nameVi(),
                                l.nameEn(),
                                l.computed(),
                                l.compared(),
                                l.entered(),
                                l.toEnter(),
                                true)
                        : l)
                .toList();
        List<Evaluation.Step> taken = evaluation.map(e -> store.steps(e.id())).orElse(List.of());
        return new EvaluationProcess(
                unit,
                year,
                kind,
                period.from(),
                period.to(),
                evaluation.orElse(null),
                rulebook,
                rulebookName,
                competent,
                kind == null ? null : dueBefore(kind, year).orElse(null),
                facts,
                lines,
                taken);
    }

    /**
     * The units under a unit (and itself) registered for the year whose process is not finished —
     * not submitted, or submitted but not decided — on a day past their kind's deadline
     * ({@code evaluation_deadline}), earliest deadline first.
     */
    public List<Evaluation.Overdue> overdue(Scope scope, long unitId, int year, LocalDate on) {
        steps.visible(scope, unitId);
        // the tree on the day asked, or on the year's last day for a day after the year
        LocalDate treeDay = on.isBefore(LocalDate.of(year, 12, 31)) ? on : LocalDate.of(year, 12, 31);
        List<Long> ids = units.subtreeWithRoot(scope, unitId, Set.of(), treeDay).stream()
                .map(UnitView::id)
                .toList();
        List<Evaluation.Overdue> overdue = new ArrayList<>();
        for (EvaluationStore.OverdueRow r : store.overdue(year, ids, on)) {
            String name = units.latest(Scope.WHOLE_COUNTRY, r.unitId())
                    .map(UnitView::name)
                    .orElse("#" + r.unitId());
            overdue.add(new Evaluation.Overdue(
                    r.unitId(), name, r.unitKind(), r.status(), r.dueBefore(), r.registeredOn()));
        }
        return overdue;
    }

    /** The day before which a kind's dossier is due in a year ({@code evaluation_deadline}). */
    public Optional<LocalDate> dueBefore(String evaluatedKind, int year) {
        return store.dueBefore(evaluatedKind, year);
    }

    /** An entry's evidence file with its content, when it has one. */
    public Optional<Map.Entry<Evaluation.Attachment, byte[]>> attachment(
            Scope scope, long unitId, int year, String criterion) {
        steps.visible(scope, unitId);
        return store.attachment(unitId, year, criterion);
    }

    /** The unit whose People's Committee decided (or will decide) the evaluation. */
    public Optional<UnitView> competentUnit(Scope scope, long unitId, int year) {
        steps.visible(scope, unitId);
        Evaluation e = steps.load(unitId, year, false).orElse(null);
        if (e != null && e.decidedByUnit() != null) {
            return units.find(Scope.WHOLE_COUNTRY, e.decidedByUnit(), e.periodTo())
                    .or(() -> units.latest(Scope.WHOLE_COUNTRY, e.decidedByUnit()));
        }
        if (e == null) {
            return Optional.empty();
        }
        return units.find(Scope.WHOLE_COUNTRY, unitId, e.periodTo()).map(u -> levels.of(u, e.periodTo()));
    }
}
