package vn.tuquan.shared;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of the web request being handled, put there by the access module once it has checked
 * the endpoint's {@link Requires} rule. Outside a web request there is no current caller and asking
 * for one fails: commands and jobs pass {@link Caller#SYSTEM} (or a real caller) explicitly.
 */
public final class CurrentCaller {

    public static final String ATTRIBUTE = CurrentCaller.class.getName();

    private CurrentCaller() {}

    public static Caller get() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object caller = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(caller instanceof Caller c)) {
            throw new IllegalStateException("No caller for this request: is the endpoint annotated with @Requires?");
        }
        return c;
    }

    /** The part of the tree the caller may see. */
    public static Scope view() {
        return get().view();
    }

    /** The part of the tree the caller may change. */
    public static Scope capture() {
        return get().capture();
    }
}
