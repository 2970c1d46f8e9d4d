package vn.tuquan.statistics;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CommandContexts;
import vn.tuquan.shared.Named;
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.statistics.internal.SummaryRow;

/** {@code ./tuquan statistics …}: the statistics' summaries. */
@Command(
        name = "statistics",
        mixinStandardHelpOptions = true,
        description = "Số liệu thống kê của phong trào. / The movement's statistics.",
        subcommands = {StatisticsCommand.Verify.class})
public class StatisticsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What {@code statistics verify --json} prints. */
    record Verified(Long unit, List<Integer> years, long rows, boolean repaired, List<Drifted> drifts) {
        record Drifted(int year, long unit, List<String> columns, List<Integer> stored, List<Integer> counted) {}
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Đếm lại số liệu tổng hợp từ các sổ và nêu từng dòng lệch: thoát 0 nếu khớp (hoặc đã sửa với --repair), 1 nếu lệch.",
                "Recount the summaries from the registers and name every row that drifted: exit 0 when they match "
                        + "(or were repaired with --repair), 1 when some drifted."
            })
    static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--unit", description = "only this unit and the units under it (its id)")
        Long unit;

        @Option(names = "--repair", description = "replace the rows that drifted by their recount")
        boolean repair;

        @Option(names = "--year", description = "only this year (repeatable; default: every year filled so far)")
        List<Integer> years;

        @Option(names = "--lang", defaultValue = "vi", description = "language of the messages: vi or en")
        String language;

        @Option(
                names = "--json",
                description = "print a JSON object: unit, years, rows, repaired, drifts [{year, unit, columns, "
                        + "stored, counted}] (the exit code is the same)")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Locale locale = Named.locale(language);
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                MessageSource messages = context.getBean(MessageSource.class);
                Summaries.Verification v = context.getBean(Statistics.class).verify(Caller.SYSTEM, unit, years, repair);
                int exit = v.drifts().isEmpty() || v.repaired() ? 0 : 1;
                if (json) {
                    out.println(JsonMapper.builder()
                            .build()
                            .writeValueAsString(new Verified(
                                    unit,
                                    v.years(),
                                    v.rows(),
                                    v.repaired(),
                                    v.drifts().stream()
                                            .map(d -> new Verified.Drifted(
                                                    d.year(),
                                                    d.unitId(),
                                                    d.columns(),
                                                    values(d.stored()),
                                                    values(d.counted())))
                                            .toList())));
                    return exit;
                }
                out.println(messages.getMessage(
                        v.drifts().isEmpty() ? "statistics.verify.match" : "statistics.verify.drifted",
                        new Object[] {v.rows(), v.years().size(), v.drifts().size()},
                        locale));
                for (Summaries.Drift d : v.drifts()) {
                    out.println("  "
                            + messages.getMessage(
                                    "statistics.verify.drift",
                                    new Object[] {
                                        String.valueOf(d.year()),
                                        String.valueOf(d.unitId()),
                                        String.join(", ", d.columns())
                                    },
                                    locale));
                }
                if (v.repaired()) {
                    out.println(messages.getMessage(
                            "statistics.verify.repaired",
                            new Object[] {v.drifts().size()},
                            locale));
                }
                return exit;
            }
        }

        private static List<Integer> values(SummaryRow row) {
            return row == null ? null : Arrays.stream(row.values()).boxed().toList();
        }
    }
}
