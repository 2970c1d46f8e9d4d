package vn.tuquan.movement.web;

import java.time.LocalDate;

/** The form that ends a model, as typed. */
public record ModelEndInput(String endedOn) {

    /** The day the model ended, or null when blank; refused naming the field when it is not a date. */
    LocalDate day() {
        return FormText.date(endedOn, "endedOn");
    }
}
