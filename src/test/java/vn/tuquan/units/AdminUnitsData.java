package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real official lists in ../shared/data/admin-units (read in place, never copied). */
public final class AdminUnitsData {

    public static final Path ROOT = Path.of("..", "shared", "data", "admin-units");

    private AdminUnitsData() {}

    public static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        assertThat(file).as("the shared data beside the project").exists();
        return file;
    }

    /** The day of Nam Định's official list of October 2022. */
    public static final java.time.LocalDate NAM_DINH_2022 = java.time.LocalDate.of(2022, 10, 1);

    /** Imports Nam Định's official list of October 2022 (as of {@link #NAM_DINH_2022}) unless the database holds it. */
    public static void namDinh2022(OfficialLists lists, Units units) {
        if (units.findByCode(vn.tuquan.shared.Scope.WHOLE_COUNTRY, "36", NAM_DINH_2022)
                .isEmpty()) {
            lists.importFiles(
                    vn.tuquan.shared.Caller.SYSTEM,
                    java.util.List.of(file("pre2025/nam_dinh_36_2022-10.csv")),
                    NAM_DINH_2022,
                    java.util.Optional.empty());
        }
    }

    /** A file found by a part of its name (the GSO .xls names are stored decomposed). */
    public static Path find(String folder, String nameContains) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(f -> java.text.Normalizer.normalize(
                                    f.getFileName().toString(), java.text.Normalizer.Form.NFC)
                            .contains(nameContains))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + nameContains + " in " + folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
