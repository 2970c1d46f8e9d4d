package vn.tuquan.households;

import java.util.List;

/** One bad row of an import file: its line number and why, as a message key with arguments. */
public record ImportProblem(int line, String key, List<Object> args) {

    public ImportProblem(int line, String key, Object... args) {
        this(line, key, List.of(args));
    }

    /** The column of the file the problem is about, or {@code null} when it is about the file or the whole row. */
    public String field() {
        return switch (key) {
            case "households.import.unknownArea" -> "area";
            case "households.import.missingCode",
                    "households.import.duplicateCode",
                    "households.import.codeTaken",
                    "households.import.codeTooLong" -> "code";
            case "households.import.missingHead", "households.import.headTooLong" -> "head_name";
            case "households.import.addressTooLong" -> "address";
            case "households.import.members" -> "members";
            case "households.import.catholic" -> "catholic";
            default -> null;
        };
    }
}
