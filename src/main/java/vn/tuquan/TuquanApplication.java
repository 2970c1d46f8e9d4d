package vn.tuquan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        return app.run(args.toArray(String[]::new));
    }

    /**
     * Starts the application without a web server, for a command that needs the database and the
     * modules. Close the returned context when the command is done.
     */
    public static ConfigurableApplicationContext commandContext(String... profiles) {
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles(Arrays.copyOf(profiles, profiles.length));
        return app.run();
    }
}
