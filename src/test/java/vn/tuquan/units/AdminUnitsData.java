package vn.tuquan.units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real official lists in ../shared/data/admin-units (read in place, never copied). */
public final class AdminUnitsData {

    public static final Path ROOT = Path.of("..", "shared", "data", "admin-units");

    private AdminUnitsData() {
    }

    public static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        assertThat(file).as("the shared data beside the project").exists();
        return file;
    }

    /** A file found by a part of its name (the GSO .xls names are stored decomposed). */
    public static Path find(String folder, String nameContains) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(f -> java.text.Normalizer.normalize(f.getFileName().toString(),
                            java.text.Normalizer.Form.NFC).contains(nameContains))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + nameContains + " in " + folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
