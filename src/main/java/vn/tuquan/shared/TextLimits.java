package vn.tuquan.shared;

import java.util.Locale;

/**
 * How long a free-text field may be, in characters: the same number in the form ({@code maxlength},
 * through the {@code @limits} bean of the pages), in the module's checks (a refusal naming the field,
 * 400 from the API) and in the database (a {@code CHECK (char_length(column) <= n)} of the
 * migrations V30–V34). docs/security.md lists every bounded field.
 *
 * <p>Characters are counted as PostgreSQL counts them (code points), after stripping the spaces
 * around the value, as the modules store it.
 */
public final class TextLimits {

    /** Codes people choose: a household's code in its area, a model type's code. */
    public static final int CODE = 50;
    /** Numbers of decisions and documents ("123/QĐ-UBND"). */
    public static final int NUMBER = 100;
    /** Names of people, units, organisations, hotspots, campaigns. */
    public static final int NAME = 200;
    /** Addresses, the deciding or designating body, a subject or topic, a model's name. */
    public static final int LINE = 300;
    /** Notes, reasons, evidence, descriptions. */
    public static final int NOTE = 2000;
    /** Summaries, results, the content of an agreement, reasons of a decision. */
    public static final int TEXT = 4000;
    /** The minutes of a conference typed in (the signed minutes are an attachment). */
    public static final int MINUTES = 20000;

    private TextLimits() {}

    /** The length PostgreSQL's {@code char_length} gives the stripped value ({@code null} is 0). */
    public static int length(String value) {
        if (value == null) {
            return 0;
        }
        String stripped = value.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    /**
     * Whether a refusal's message key is one of a text too long for its field: by convention such
     * keys end in {@code tooLong} / {@code TooLong}, and every API answers them 400 naming the field.
     */
    public static boolean isLengthRefusal(String messageKey) {
        return messageKey != null && messageKey.toLowerCase(Locale.ROOT).endsWith("toolong");
    }

    /** Whether the stripped value is longer than {@code max} characters. */
    public static boolean tooLong(String value, int max) {
        return value != null && value.length() > max && length(value) > max;
    }
}
