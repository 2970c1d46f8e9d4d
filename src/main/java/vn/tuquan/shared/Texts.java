package vn.tuquan.shared;

/**
 * How the modules clean a value typed in before they check and store it: without the spaces around
 * it, and {@code null} rather than empty (an optional field left blank is stored as nothing).
 */
public final class Texts {

    private Texts() {}

    /** The value stripped of the spaces around it; {@code null} for {@code null}, empty or only spaces. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
