package vn.tuquan.evaluation.rules;

import java.util.List;

/**
 * TT 124 Điều 4.3 (a)–(e): none of the security events of the categories named by the param
 * {@code categories} (default {@code SECURITY_A,…,SECURITY_E}, the catalogue's sub-categories of
 * criterion 3) happened in the unit during the period; at most {@code max} (0). Counted with
 * {@link Fact#incidentsOfCategory(String)}.
 */
public final class NoSecurityEvents extends NoEvents {

    public static final String CODE = "NO_SECURITY_EVENTS";
    static final String ALL = "SECURITY_A,SECURITY_B,SECURITY_C,SECURITY_D,SECURITY_E";

    public NoSecurityEvents() {
        super(CODE);
    }

    @Override
    protected List<String> keys(Params params) {
        return params.list("categories", ALL).stream()
                .map(Fact::incidentsOfCategory)
                .toList();
    }
}
