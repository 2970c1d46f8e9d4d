package vn.tuquan.movement.web;

/** The form that corrects an assessment of a model (its year is in the address), as typed. */
public record ReassessmentInput(String effective, String reason) {

    boolean isEffective() {
        return "true".equals(effective);
    }
}
