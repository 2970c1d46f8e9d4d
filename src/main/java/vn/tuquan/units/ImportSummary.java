package vn.tuquan.units;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did. A re-import of the same file reports everything unchanged and writes nothing.
 *
 * @param warnings rows accepted with a correction, e.g. a superseded code matched by name
 */
public record ImportSummary(
        String files,
        LocalDate asOf,
        int opened,
        int changed,
        int closed,
        int unchanged,
        int successions,
        int localUnitsMoved,
        List<ImportRefusedException.Problem> warnings) {

    public boolean changedAnything() {
        return opened + changed + closed + successions + localUnitsMoved > 0;
    }
}
