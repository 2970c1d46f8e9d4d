package vn.tuquan.movement;

import vn.tuquan.shared.FieldRefusedException;

/** A movement record could not be saved; nothing was written. The message key explains why. */
public class MovementRefusedException extends FieldRefusedException {

    public MovementRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "movement.problem.refused";
    }
}
