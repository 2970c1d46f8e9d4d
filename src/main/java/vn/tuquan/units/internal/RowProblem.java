package vn.tuquan.units.internal;

import java.util.List;

/** A reason to refuse a row, as a message key and its arguments (messages_vi / messages_en). */
record RowProblem(RowPlace where, String messageKey, List<Object> arguments) {

    static RowProblem of(RowPlace where, String messageKey, Object... arguments) {
        return new RowProblem(where, messageKey, List.of(arguments));
    }
}
