package vn.tuquan.movement.web;

import vn.tuquan.movement.Conference;
import vn.tuquan.movement.MovementRefusedException;

/** The form that records or corrects a review conference, as typed. */
public record ConferenceInput(
        String kind,
        String topic,
        String heldOn,
        String periodFrom,
        String periodTo,
        String attendance,
        String minutes,
        String campaigns) {

    /** The conference's form; a kind, date or number that is not one is refused naming its field. */
    Conference.Form form() {
        Conference.Kind chosen;
        try {
            chosen = Conference.Kind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new MovementRefusedException("kind", "movement.error.required");
        }
        return new Conference.Form(
                chosen,
                topic,
                FormText.date(heldOn, "heldOn"),
                FormText.date(periodFrom, "periodFrom"),
                FormText.date(periodTo, "periodTo"),
                FormText.number(attendance, "attendance"),
                minutes,
                FormText.list(campaigns));
    }
}
