package vn.tuquan.units.web;

import static vn.tuquan.shared.Texts.blankToNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.units.ImportSummary;
import vn.tuquan.units.OfficialLists;

/**
 * An upload of official list files, as the page and the API receive it: the files and the day are
 * checked first (each problem naming its field), then the files are
 * saved under their own names in a temporary directory, imported together, and deleted.
 */
@Component
class OfficialListUploads {

    static final Set<String> ACCEPTED = Set.of("csv", "xls", "json");

    private final OfficialLists lists;

    OfficialListUploads(OfficialLists lists) {
        this.lists = lists;
    }

    /** What is wrong with the request before anything is read (empty: nothing), each naming its field. */
    List<FieldProblem> check(List<MultipartFile> files, LocalDate asOf) {
        List<FieldProblem> problems = new ArrayList<>();
        List<MultipartFile> chosen = chosen(files);
        if (chosen.isEmpty()) {
            problems.add(FieldProblem.of("files", "units.lists.error.noFile"));
        }
        if (asOf == null) {
            problems.add(FieldProblem.of("asOf", "units.lists.error.noDate"));
        }
        for (MultipartFile file : chosen) {
            if (!ACCEPTED.contains(extension(file.getOriginalFilename()))) {
                problems.add(FieldProblem.of("files", "units.lists.error.fileType", file.getOriginalFilename()));
            }
        }
        return problems;
    }

    /** Imports checked files (see {@link #check}); an {@code ImportRefusedException} when a file is refused. */
    ImportSummary importFiles(Caller caller, List<MultipartFile> files, LocalDate asOf, String province) {
        Path dir;
        try {
            dir = Files.createTempDirectory("tuquan-list-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<Path> saved = new ArrayList<>();
            for (MultipartFile file : chosen(files)) {
                Path target = dir.resolve(
                        Path.of(file.getOriginalFilename()).getFileName().toString());
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                saved.add(target);
            }
            String scope = blankToNull(province);
            return lists.importFiles(caller, saved, asOf, Optional.ofNullable(scope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
    }

    private static String extension(String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return "";
        }
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
