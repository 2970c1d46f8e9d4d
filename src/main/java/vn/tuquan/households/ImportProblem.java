package vn.tuquan.households;

import java.util.List;

/** One bad row of an import file: its line number and why, as a message key with arguments. */
public record ImportProblem(int line, String key, List<Object> args) {

    public ImportProblem(int line, String key, Object... args) {
        this(line, key, List.of(args));
    }
}
