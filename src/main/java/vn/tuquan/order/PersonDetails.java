package vn.tuquan.order;

import static vn.tuquan.shared.Texts.blankToNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Who a sensitive record is about: stored encrypted, shown only to people holding SENSITIVE_READ
 * (and every showing is audited). Never logged, never in an audit entry or an exception message.
 *
 * @param birth      the year of birth ({@code 1985}) or the date ({@code 12/03/1985}), as entered
 * @param nationalId the citizen identity card number (9 or 12 digits), optional
 */
public record PersonDetails(String fullName, String birth, String nationalId, String address) {

    /** The names of the fields, for audit entries. */
    public static final List<String> FIELDS = List.of("fullName", "birth", "nationalId", "address");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** The same details trimmed, blanks as {@code null}; refused (naming the field) when one is not valid. */
    public PersonDetails checked(LocalDate today) {
        String name = blankToNull(fullName);
        if (name == null) {
            throw new PersonRefusedException("fullName", "order.persons.error.required");
        }
        if (name.length() > 200) {
            throw new PersonRefusedException("fullName", "order.persons.error.tooLong", 200);
        }
        String born = blankToNull(birth);
        if (born != null) {
            int year;
            if (born.matches("\\d{4}")) {
                year = Integer.parseInt(born);
            } else {
                try {
                    year = LocalDate.parse(born, DATE).getYear();
                } catch (DateTimeParseException e) {
                    throw new PersonRefusedException("birth", "order.persons.error.birth");
                }
            }
            if (year < 1900 || year > today.getYear()) {
                throw new PersonRefusedException("birth", "order.persons.error.birth");
            }
        }
        String id = blankToNull(nationalId);
        if (id != null && !id.matches("\\d{9}|\\d{12}")) {
            throw new PersonRefusedException("nationalId", "order.persons.error.nationalId");
        }
        String where = blankToNull(address);
        if (where != null && where.length() > 500) {
            throw new PersonRefusedException("address", "order.persons.error.tooLong", 500);
        }
        return new PersonDetails(name, born, id, where);
    }
}
