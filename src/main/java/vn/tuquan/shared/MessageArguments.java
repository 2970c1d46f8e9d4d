package vn.tuquan.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Arguments of a message as people read them: dates written 31/10/2017, in both languages. */
public final class MessageArguments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private MessageArguments() {
    }

    /**
     * A year as a message argument: its digits as text, 2017 in both languages (a number given to a
     * message's {@code {0}} would be grouped, 2.017); "" for none.
     */
    public static String year(Number year) {
        return year == null ? "" : Long.toString(year.longValue());
    }

    public static Object display(Object argument) {
        return argument instanceof LocalDate date ? DATE.format(date) : argument;
    }
}
