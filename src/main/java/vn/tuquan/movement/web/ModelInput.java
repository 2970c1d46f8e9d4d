package vn.tuquan.movement.web;

import vn.tuquan.movement.MovementModel;

/** The form that adds or corrects a model, as typed (bound by name; shown back beside its fields when refused). */
public record ModelInput(
        String typeCode,
        String name,
        String startedOn,
        String endedOn,
        String leader,
        String members,
        String campaigns) {

    /** The model's form; a date or number that is not one is refused naming its field. */
    MovementModel.Form form() {
        return new MovementModel.Form(
                typeCode,
                name,
                FormText.date(startedOn, "startedOn"),
                FormText.date(endedOn, "endedOn"),
                leader,
                FormText.number(members, "members"),
                FormText.list(campaigns));
    }
}
