package vn.tuquan;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import vn.tuquan.access.UserCommand;
import vn.tuquan.audit.AuditCommand;
import vn.tuquan.shared.KeysCommand;
import vn.tuquan.statistics.StatisticsCommand;
import vn.tuquan.units.UnitsCommand;

/**
 * The command line of {@code ./tuquan}. To add a command, write a picocli {@code @Command} class
 * (in the module it belongs to; use {@link TuquanApplication#commandContext} when it needs the
 * database) and list it in {@code subcommands} below.
 */
@Command(
        name = "tuquan",
        mixinStandardHelpOptions = true,
        versionProvider = TuquanCli.Version.class,
        description = {
            "Tuquan: phần mềm cho phong trào \"Tự quản, tự phòng, tự bảo vệ\".",
            "Software for the community security movement \"Tự quản, tự phòng, tự bảo vệ\"."
        },
        subcommands = {
            TuquanCli.Serve.class,
            TuquanCli.Demo.class,
            UnitsCommand.class,
            UserCommand.class,
            AuditCommand.class,
            KeysCommand.class,
            StatisticsCommand.class,
            HelpCommand.class
        })
public final class TuquanCli implements Runnable {

    private static volatile boolean serving;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static int execute(String... args) {
        return new CommandLine(new TuquanCli())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    // Spring has already logged the details; end with the cause in one line.
                    Throwable cause = e;
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    commandLine
                            .getErr()
                            .println("tuquan: " + commandLine.getCommandName() + " failed: " + cause.getMessage());
                    return 1;
                })
                .execute(args);
    }

    /** True once a web server was started: the JVM then lives until the server stops. */
    static boolean isServing() {
        return serving;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    abstract static class WebCommand implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port (default: $TUQUAN_PORT or 8080)")
        Integer port;

        @Option(
                names = "--management-port",
                description = "port of health and metrics, on 127.0.0.1 only "
                        + "(default: $TUQUAN_MANAGEMENT_PORT, else --port + 1, else 8081)")
        Integer managementPort;

        abstract List<String> profiles();

        @Override
        public Integer call() {
            TuquanApplication.serve(
                    profiles(), port, managementPort(port, managementPort, System.getenv("TUQUAN_MANAGEMENT_PORT")));
            serving = true;
            return 0;
        }
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Phục vụ Tuquan (không có dữ liệu mẫu). / Serve Tuquan without demo data.")
    static final class Serve extends WebCommand {
        @Override
        List<String> profiles() {
            return List.of();
        }
    }

    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = "Phục vụ Tuquan với dữ liệu mẫu trong <thư mục dữ liệu>/demo. / Serve Tuquan with demo data.")
    static final class Demo extends WebCommand {
        @Override
        List<String> profiles() {
            return List.of("demo");
        }
    }

    /**
     * The management port to ask for: the one given; else none (the properties' own, from
     * {@code TUQUAN_MANAGEMENT_PORT} or 8081) when the environment names one or no port was given;
     * else the port after the main one, so that two instances on one machine do not collide.
     */
    static Integer managementPort(Integer port, Integer managementPort, String fromEnvironment) {
        if (managementPort != null) {
            return managementPort;
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank() || port == null) {
            return null;
        }
        return port == 0 ? 0 : port + 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TuquanCli.class.getPackage().getImplementationVersion();
            return new String[] {"Tuquan " + (version == null ? "(development build)" : version)};
        }
    }
}
