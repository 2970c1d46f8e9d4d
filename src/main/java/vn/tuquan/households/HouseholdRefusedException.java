package vn.tuquan.households;

import org.springframework.http.HttpStatus;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.TextLimits;

/**
 * A household or commitment the register refuses: {@link #messageKey()} is a message key (with its
 * arguments) so pages and the API say why in the caller's language. A rule of the register (a
 * household in two areas at once, a day outside the period) is 422 for the API; a field refused
 * ({@link #tooLong}) 400. A page that cannot be shown because of one (not an area, nothing to
 * correct) is 404.
 */
public class HouseholdRefusedException extends FieldRefusedException {

    public HouseholdRefusedException(String key, Object... args) {
        this(null, key, args);
    }

    private HouseholdRefusedException(String field, String key, Object... args) {
        super(field, key, args);
    }

    /**
     * A text longer than its field allows ({@link TextLimits}): names the field (as the API calls it)
     * and its label, the limit and the length given. The API answers 400.
     */
    public static HouseholdRefusedException tooLong(String field, String labelKey, int max, String value) {
        return new HouseholdRefusedException(
                field, "households.refused.tooLong", MessageArguments.label(labelKey), max, TextLimits.length(value));
    }

    @Override
    public HttpStatus status() {
        return field() == null ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
    }

    @Override
    public HttpStatus pageStatus() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String titleKey() {
        return "households.refused.title";
    }
}
