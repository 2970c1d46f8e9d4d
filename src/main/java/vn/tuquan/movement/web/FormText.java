package vn.tuquan.movement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import vn.tuquan.movement.MovementRefusedException;

/** The text of a movement form's field read as a date, a number or a list; a field that is not one is refused naming it. */
final class FormText {

    private FormText() {}

    /** The field's text as a LocalDate, or null when blank; refused naming the field when it is not one. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new MovementRefusedException(field, "movement.error.date");
        }
    }

    /** The field's text as a Integer, or null when blank; refused naming the field when it is not one. */
    static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new MovementRefusedException(field, "movement.error.number");
        }
    }

    /** The field's text as a Double, or null when blank; refused naming the field when it is not one. */
    static Double decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new MovementRefusedException(field, "movement.error.number");
        }
    }

    /** A list typed separated by commas or semicolons. */
    static List<String> list(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,;]"))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .toList();
    }
}
