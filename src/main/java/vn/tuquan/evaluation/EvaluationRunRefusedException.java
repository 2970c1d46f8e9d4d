package vn.tuquan.evaluation;

/**
 * A request of the bulk run, its results or "what if" was refused because of its input (a year, a
 * criterion, thresholds): nothing was written; its fields are the runs' ("Năm đánh giá: …").
 */
public class EvaluationRunRefusedException extends EvaluationRefusedException {

    public EvaluationRunRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "evaluation.run.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "evaluation.run.field.";
    }
}
