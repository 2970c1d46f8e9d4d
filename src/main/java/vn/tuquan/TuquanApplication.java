package vn.tuquan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import vn.tuquan.shared.CommandContexts;

/**
 * Tuquan: one process serving the web application, the REST API and the command line.
 * {@link TuquanCli} reads the command; this class starts Spring for it.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class TuquanApplication {

    public static void main(String[] args) {
        CommandContexts.register(TuquanApplication::commandContext);
        int exitCode = TuquanCli.execute(args);
        if (!TuquanCli.isServing()) {
            System.exit(exitCode);
        }
    }

    /** Starts the web application; returns once it is ready to serve. */
    static ConfigurableApplicationContext serve(List<String> profiles, Integer port, Integer managementPort) {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (managementPort != null) {
            args.add("--management.server.port=" + managementPort);
        }
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setAdditionalProfiles(profiles.toArray(String[]::new));
        // a server fills the statistics of the latest ten years in the background (docs/statistics.md)
        app.setDefaultProperties(Map.of("tuquan.statistics.fill-years", "10"));
        return app.run(args.toArray(String[]::new));
    }

    /**
     * Starts the application without a web server, for a command that needs the database and the
     * modules. Close the returned context when the command is done. With the embedded database a
     * command never makes the cluster ({@code serve}'s first start does) and uses the running
     * Tuquan's PostgreSQL when Tuquan serves on the data directory; the start-up tasks of a server
     * (the administrator's account) do not run. Logs go to standard error, as always: standard
     * output is the command's result.
     *
     * @param args properties as {@code --name=value} (tests give their data directory so)
     */
    public static ConfigurableApplicationContext commandContext(String... args) {
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of("tuquan.command-line", "true"));
        return app.run(args);
    }
}
