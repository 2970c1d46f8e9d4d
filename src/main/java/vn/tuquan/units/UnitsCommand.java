package vn.tuquan.units;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CommandContexts;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.RefusalMessages;

/** {@code ./tuquan units …}: the official lists of administrative units. */
@Command(
        name = "units",
        mixinStandardHelpOptions = true,
        description =
                "Đơn vị hành chính: nhập danh mục chính thức và ranh giới. / Administrative units: import official lists and boundaries.",
        subcommands = {UnitsCommand.Import.class, UnitsCommand.Boundaries.class})
public class UnitsCommand implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both imports share: files, a date, an optional province, a language, and the refusal listing. */
    abstract static class FileImport implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "the file(s), imported together, all or nothing")
        List<Path> files;

        @Option(
                names = "--as-of",
                required = true,
                paramLabel = "DATE",
                description = "the date the files take effect, e.g. 2025-07-01")
        LocalDate asOf;

        @Option(names = "--province", paramLabel = "CODE", description = "only this province (GSO code, e.g. 36)")
        String province;

        @Option(names = "--lang", defaultValue = "vi", description = "language of the messages: vi or en")
        String language;

        @Option(
                names = "--json",
                description = "print the summary as a JSON object (refused: {\"imported\": false, "
                        + "\"problems\": [...]}, exit 1)")
        boolean json;

        /** Imports and returns the lines to print; throws {@link ImportRefusedException} when refused. */
        abstract List<String> importFiles(
                ConfigurableApplicationContext context, MessageSource messages, Locale locale);

        /** Imports and returns the summary as {@code --json} prints it; throws {@link ImportRefusedException} when refused. */
        abstract Map<String, Object> importFilesForJson(
                ConfigurableApplicationContext context, MessageSource messages, Locale locale);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    err.println("tuquan: cannot read " + file);
                    return 2;
                }
            }
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                MessageSource messages = context.getBean(MessageSource.class);
                RefusalMessages refusals = context.getBean(RefusalMessages.class);
                Locale locale = Named.locale(language);
                try {
                    if (json) {
                        out.println(JSON.writeValueAsString(importFilesForJson(context, messages, locale)));
                    } else {
                        importFiles(context, messages, locale).forEach(out::println);
                    }
                    return 0;
                } catch (ImportRefusedException refused) {
                    err.println(messages.getMessage(
                            "units.import.refused",
                            new Object[] {refused.problems().size()},
                            locale));
                    refused.rows().forEach(p -> err.println("  " + refusals.message(refused, p, locale)));
                    if (json) {
                        Map<String, Object> refusal = new LinkedHashMap<>();
                        refusal.put("imported", false);
                        refusal.put(
                                "problems",
                                refused.rows().stream()
                                        .map(p -> refusals.message(refused, p, locale))
                                        .toList());
                        out.println(JSON.writeValueAsString(refusal));
                    }
                    return 1;
                }
            }
        }

        Optional<String> province() {
            return Optional.ofNullable(province);
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Nhập danh mục đơn vị hành chính (CSV, XLS, JSON của TCTK) hoặc bảng chuyển đổi 2025.",
                "Import an official list (GSO CSV/XLS, JSON lists) or the 2025 reform mapping; format detected."
            })
    static class Import extends FileImport {

        @Override
        List<String> importFiles(ConfigurableApplicationContext context, MessageSource messages, Locale locale) {
            ImportSummary summary =
                    context.getBean(OfficialLists.class).importFiles(Caller.SYSTEM, files, asOf, province());
            return lines(summary, messages, context.getBean(RefusalMessages.class), locale);
        }

        @Override
        Map<String, Object> importFilesForJson(
                ConfigurableApplicationContext context, MessageSource messages, Locale locale) {
            ImportSummary summary =
                    context.getBean(OfficialLists.class).importFiles(Caller.SYSTEM, files, asOf, province());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("imported", true);
            json.put("files", summary.files());
            json.put("asOf", summary.asOf().toString());
            json.put("opened", summary.opened());
            json.put("changed", summary.changed());
            json.put("closed", summary.closed());
            json.put("unchanged", summary.unchanged());
            json.put("successions", summary.successions());
            json.put("localUnitsMoved", summary.localUnitsMoved());
            json.put(
                    "warnings",
                    summary.warnings().stream()
                            .map(w -> context.getBean(RefusalMessages.class).withPlace(w.row(), locale))
                            .toList());
            return json;
        }

        private static List<String> lines(
                ImportSummary summary, MessageSource messages, RefusalMessages refusals, Locale locale) {
            List<String> lines = new ArrayList<>();
            lines.add(messages.getMessage(
                    "units.import.summary",
                    new Object[] {
                        summary.files(),
                        summary.asOf().toString(),
                        summary.opened(),
                        summary.changed(),
                        summary.closed(),
                        summary.unchanged(),
                        summary.successions(),
                        summary.localUnitsMoved()
                    },
                    locale));
            summary.warnings().forEach(w -> lines.add(refusals.withPlace(w.row(), locale)));
            return lines;
        }
    }

    @Command(
            name = "boundaries",
            mixinStandardHelpOptions = true,
            description = {
                "Nhập ranh giới đơn vị hành chính (GeoJSON FeatureCollection, mỗi đối tượng có mã TCTK).",
                "Import unit boundaries (GeoJSON FeatureCollections whose features carry the GSO code)."
            })
    static class Boundaries extends FileImport {

        @Override
        List<String> importFiles(ConfigurableApplicationContext context, MessageSource messages, Locale locale) {
            UnitBoundaries.BoundaryImportSummary summary =
                    context.getBean(UnitBoundaries.class).importFiles(Caller.SYSTEM, files, asOf, province());
            return List.of(messages.getMessage(
                    "units.boundaries.summary",
                    new Object[] {
                        summary.files(),
                        summary.asOf().toString(),
                        summary.inserted(),
                        summary.changed(),
                        summary.unchanged(),
                        summary.skipped()
                    },
                    locale));
        }

        @Override
        Map<String, Object> importFilesForJson(
                ConfigurableApplicationContext context, MessageSource messages, Locale locale) {
            UnitBoundaries.BoundaryImportSummary summary =
                    context.getBean(UnitBoundaries.class).importFiles(Caller.SYSTEM, files, asOf, province());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("imported", true);
            json.put("files", summary.files());
            json.put("asOf", summary.asOf().toString());
            json.put("inserted", summary.inserted());
            json.put("changed", summary.changed());
            json.put("unchanged", summary.unchanged());
            json.put("skipped", summary.skipped());
            return json;
        }
    }
}
