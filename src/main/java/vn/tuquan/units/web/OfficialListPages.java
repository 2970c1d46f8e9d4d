package vn.tuquan.units.web;

import vn.tuquan.shared.Requires;

import vn.tuquan.shared.Permission;

import java.io.IOException;
import java.io.InputStream;
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

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.units.ImportMessages;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;
import vn.tuquan.units.OfficialLists;

/** The administrator's page to upload an official list or the reform mapping. */
@Controller
@RequestMapping("/units/official-lists")
@Requires(Permission.UNITS_IMPORT)
class OfficialListPages {

    private static final Set<String> ACCEPTED = Set.of("csv", "xls", "json");

    private final OfficialLists lists;
    private final MessageSource messages;

    OfficialListPages(OfficialLists lists, MessageSource messages) {
        this.lists = lists;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("asOf", Dates.today());
        return "units/importOfficialList";
    }

    @PostMapping
    String upload(@RequestParam("files") List<MultipartFile> files,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String province, Model model, Locale locale) throws IOException {
        model.addAttribute("asOf", asOf == null ? Dates.today() : asOf);
        model.addAttribute("province", province);
        List<String> problems = new ArrayList<>();
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            problems.add(messages.getMessage("units.lists.error.noFile", null, locale));
        }
        if (asOf == null) {
            problems.add(messages.getMessage("units.lists.error.noDate", null, locale));
        }
        for (MultipartFile file : chosen) {
            if (!ACCEPTED.contains(extension(file.getOriginalFilename()))) {
                problems.add(messages.getMessage("units.lists.error.fileType",
                        new Object[] {file.getOriginalFilename()}, locale));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return "units/importOfficialList";
        }
        Path dir = Files.createTempDirectory("tuquan-list-");
        try {
            List<Path> saved = new ArrayList<>();
            for (MultipartFile file : chosen) {
                Path target = dir.resolve(Path.of(file.getOriginalFilename()).getFileName().toString());
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                saved.add(target);
            }
            String scope = province == null || province.isBlank() ? null : province.strip();
            ImportSummary summary = lists.importFiles(CurrentCaller.get(), saved, asOf, Optional.ofNullable(scope));
            model.addAttribute("summary", messages.getMessage("units.import.summary", new Object[] {summary.files(),
                    summary.asOf().toString(), summary.opened(), summary.changed(), summary.closed(),
                    summary.unchanged(), summary.successions(), summary.localUnitsMoved()}, locale));
            model.addAttribute("warnings",
                    summary.warnings().stream().map(w -> ImportMessages.render(messages, w, locale)).toList());
        } catch (ImportRefusedException refused) {
            model.addAttribute("refusedCount", refused.problems().size());
            model.addAttribute("problems",
                    refused.problems().stream().map(p -> ImportMessages.render(messages, p, locale)).toList());
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return "units/importOfficialList";
    }

    private static String extension(String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return "";
        }
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
