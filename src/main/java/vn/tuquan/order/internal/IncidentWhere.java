package vn.tuquan.order.internal;

import java.util.Map;

/** The conditions of a list (bound parameters by name), after {@code FROM … WHERE}. */
public record IncidentWhere(String sql, Map<String, Object> params) {}
