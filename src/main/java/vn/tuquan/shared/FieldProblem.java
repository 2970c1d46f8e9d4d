package vn.tuquan.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One thing wrong with a request: the field it is about (as forms and the API name it; {@code null}
 * when it is about the request as a whole), why as a message key, and the key's arguments.
 * {@link RefusalMessages} says it in the reader's language.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, arguments == null ? List.of() : Arrays.asList(arguments));
    }
}
