package vn.tuquan.audit;

import java.io.PrintWriter;
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
import vn.tuquan.shared.CommandContexts;
import vn.tuquan.shared.Named;

/** {@code ./tuquan audit …}: the audit log. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Nhật ký kiểm toán. / The audit log.",
        subcommands = {AuditCommand.Verify.class})
public class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What {@code audit verify --json} prints. */
    record Verified(boolean intact, long entries, long lastId, String lastHash, List<Problem> problems) {
        record Problem(long id, String kind) {}
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Kiểm tra chuỗi băm của nhật ký: thoát 0 nếu nguyên vẹn, 1 và liệt kê từng mục sai nếu không.",
                "Check the log's hash chain: exit 0 when intact, else 1 naming every entry that does not match."
            })
    static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--lang", defaultValue = "vi", description = "language of the messages: vi or en")
        String language;

        @Option(
                names = "--json",
                description = "print a JSON object: intact, entries, lastId, lastHash, "
                        + "problems [{id, kind}] (the exit code is the same: 0 intact, 1 not)")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Locale locale = Named.locale(language);
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                MessageSource messages = context.getBean(MessageSource.class);
                ChainReport report = context.getBean(AuditLog.class).verify();
                if (json) {
                    out.println(JsonMapper.builder()
                            .build()
                            .writeValueAsString(new Verified(
                                    report.intact(),
                                    report.entries(),
                                    report.lastId(),
                                    report.lastHash(),
                                    report.problems().stream()
                                            .map(p -> new Verified.Problem(
                                                    p.id(), p.kind().name()))
                                            .toList())));
                    return report.intact() ? 0 : 1;
                }
                if (report.intact()) {
                    out.println(messages.getMessage(
                            "audit.verify.intact",
                            new Object[] {report.entries(), report.lastId(), report.lastHash()},
                            locale));
                    return 0;
                }
                err.println(messages.getMessage(
                        "audit.verify.broken",
                        new Object[] {report.entries(), report.problems().size()},
                        locale));
                for (ChainReport.Problem problem : report.problems()) {
                    err.println("  "
                            + messages.getMessage(
                                    "audit.verify.problem." + problem.kind().name(),
                                    new Object[] {problem.id()},
                                    locale));
                }
                return 1;
            }
        }
    }
}
