package vn.tuquan.demo;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.EvaluationProcess;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.evaluation.RecognisingUnits;
import vn.tuquan.evaluation.RunSummary;
import vn.tuquan.evaluation.SubmittingSelfAssessments;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The 2017 evaluation of the demo, run from its records: the proposed verdict of every residential
 * area, commune and organisation of Nam Định (TT 23/2012), and the residential areas of Xã Hải Minh
 * walked through the process — registered in the first quarter, self-assessed with the entered
 * criteria and their evidence, appraised by the commune's steering committee and decided by its
 * People's Committee (recognised when every criterion is met, otherwise not recognised, with the
 * reasons). The demo village head's own area is left registered with one criterion entered, for them
 * to finish; the commune has registered and submitted its self-assessment, awaiting the district.
 */
@Component
@Profile("demo")
class DemoEvaluation {

    static final int YEAR = 2017;
    static final String HAI_MINH = "14233";
    static final Evaluation.Decision COMMUNE_DECISION = new Evaluation.Decision(
            "86/QĐ-UBND", LocalDate.of(2017, 11, 24), "Nguyễn Văn Thịnh, Chủ tịch UBND xã Hải Minh");

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluation.class);

    private final Units units;
    private final EvaluationRuns runs;
    private final Evaluations evaluations;
    private final SubmittingSelfAssessments selfAssessments;
    private final RecognisingUnits recognising;

    DemoEvaluation(
            Units units,
            EvaluationRuns runs,
            Evaluations evaluations,
            SubmittingSelfAssessments selfAssessments,
            RecognisingUnits recognising) {
        this.units = units;
        this.runs = runs;
        this.evaluations = evaluations;
        this.selfAssessments = selfAssessments;
        this.recognising = recognising;
    }

    void loadIfAbsent() {
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, NamDinh2017.AS_OF)
                .orElseThrow();
        UnitView haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, HAI_MINH, NamDinh2017.AS_OF)
                .orElseThrow();
        if (evaluations.find(Scope.WHOLE_COUNTRY, haiMinh.id(), YEAR).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        RunSummary summary = runs.run(Caller.SYSTEM, province.id(), YEAR);
        List<UnitView> areas = units.children(Scope.WHOLE_COUNTRY, haiMinh.id(), NamDinh2017.AS_OF).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .toList();
        int recognised = 0;
        int rejected = 0;
        for (int i = 0; i < areas.size(); i++) {
            UnitView area = areas.get(i);
            LocalDate registeredOn = LocalDate.of(YEAR, 2, 10).plusDays(i % 20);
            selfAssessments.register(Caller.SYSTEM, area.id(), YEAR, registeredOn);
            if (i == 0) { // the demo village head's area (DemoData.logins): one criterion entered, the rest to them
                selfAssessments.enter(
                        Caller.SYSTEM,
                        area.id(),
                        YEAR,
                        "PARTY_RESOLUTION_Q1",
                        true,
                        "Nghị quyết số 01-NQ/CB ngày 16/01/2017 của chi bộ " + area.name());
                continue;
            }
            enterAll(area, i);
            selfAssessments.submit(Caller.SYSTEM, area.id(), YEAR);
            Evaluation accepted = recognising.accept(Caller.SYSTEM, area.id(), YEAR);
            if ("MET".equals(accepted.proposed())) {
                recognising.recognise(Caller.SYSTEM, area.id(), YEAR, COMMUNE_DECISION);
                recognised++;
            } else {
                recognising.reject(Caller.SYSTEM, area.id(), YEAR, COMMUNE_DECISION, reasons(area));
                rejected++;
            }
        }
        // the commune: registered, self-assessed from its children's decisions, submitted to the district
        selfAssessments.register(Caller.SYSTEM, haiMinh.id(), YEAR, LocalDate.of(YEAR, 2, 8));
        enterAll(haiMinh, 0);
        selfAssessments.submit(Caller.SYSTEM, haiMinh.id(), YEAR);
        log.info(
                "Demo data: 2017 evaluation of Nam Định — {} units evaluated ({} met, {} not met, {} needing input);"
                        + " {} residential areas of Xã Hải Minh recognised, {} not; in {} ms",
                summary.evaluated(),
                summary.met(),
                summary.notMet(),
                summary.needsInput(),
                recognised,
                rejected,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Enters every criterion a person must enter, yes, with a plausible piece of evidence. */
    private void enterAll(UnitView unit, int i) {
        EvaluationProcess process = evaluations.process(Scope.WHOLE_COUNTRY, unit.id(), YEAR);
        for (String criterion : process.pending()) {
            selfAssessments.enter(Caller.SYSTEM, unit.id(), YEAR, criterion, true, evidence(criterion, unit, i));
        }
    }

    private static String evidence(String criterion, UnitView unit, int i) {
        return switch (criterion) {
            case "PARTY_RESOLUTION_Q1" ->
                "Nghị quyết số 01-NQ/CB ngày " + (10 + i % 15) + "/01/2017 của chi bộ " + unit.name();
            case "POLICIES_CARRIED_OUT" -> "Biên bản họp tổng kết năm 2017 của " + unit.name() + " ngày 25/10/2017";
            case "RE_EDUCATION" -> "Báo cáo công tác giúp đỡ người lầm lỗi năm 2017 của " + unit.name();
            case "POLICE_NOT_DISCIPLINED", "POLICE_RATED_ADVANCED" ->
                "Báo cáo số 112/BC-CAX ngày 30/10/2017 của Công an xã";
            default -> "Biên bản tự đánh giá năm 2017 của " + unit.name();
        };
    }

    /** The reasons of a refusal: the criteria not met, by name. */
    private String reasons(UnitView area) {
        List<String> failed = evaluations.process(Scope.WHOLE_COUNTRY, area.id(), YEAR).lines().stream()
                .filter(l -> "NOT_MET".equals(l.computed()))
                .map(Evaluation.Line::nameVi)
                .toList();
        return "Chưa đạt tiêu chí: " + (failed.isEmpty() ? "theo biên bản thẩm định" : String.join("; ", failed));
    }
}
