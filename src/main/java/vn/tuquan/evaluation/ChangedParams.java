package vn.tuquan.evaluation;

import java.util.Map;

/** A change of a criterion's parameters for "what if": every criteria set that has the criterion takes them. */
public record ChangedParams(String criterion, Map<String, String> params) {

    public ChangedParams {
        params = Map.copyOf(params);
    }
}
