package vn.tuquan.statistics;

import vn.tuquan.shared.FieldRefusedException;

/** A question the statistics cannot answer as asked (a year outside the counted ones, an unknown indicator). */
public class StatisticsRefusedException extends FieldRefusedException {

    public StatisticsRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "statistics.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "statistics.field.";
    }
}
