package vn.tuquan.movement.web;

import vn.tuquan.movement.MovementRefusedException;

/**
 * The form that assesses one of the unit's models for a year, as typed; {@code effective} is the ticked checkbox
 * ({@code true}), {@code null} when not ticked.
 */
public record AssessmentInput(String modelId, String year, String effective, String reason) implements YearInput {

    /** The model and the year assessed; a number that is not one, or one missing, is refused naming its field. */
    int[] modelAndYear() {
        Integer model = FormText.number(modelId, "modelId");
        Integer assessed = FormText.number(year, "year");
        if (model == null) {
            throw new MovementRefusedException("modelId", "movement.error.required");
        }
        if (assessed == null) {
            throw new MovementRefusedException("year", "movement.error.required");
        }
        return new int[] {model, assessed};
    }

    boolean isEffective() {
        return "true".equals(effective);
    }
}
