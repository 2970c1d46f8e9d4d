package vn.tuquan.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Arguments of a message as people read them: dates written 31/10/2017, in both languages. */
public final class MessageArguments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private MessageArguments() {}

    /**
     * A year as a message argument: its digits as text, 2017 in both languages (a number given to a
     * message's {@code {0}} would be grouped, 2.017); "" for none.
     */
    public static String year(Number year) {
        return year == null ? "" : Long.toString(year.longValue());
    }

    /**
     * A message key as an argument: the label it names (a unit's kind, a status), resolved in the
     * reader's language when the message is; the key itself when it has no label.
     */
    public static MessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, null, key);
    }

    public static Object display(Object argument) {
        return argument instanceof LocalDate date ? DATE.format(date) : argument;
    }
}
