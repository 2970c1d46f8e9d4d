package vn.tuquan.shared;

import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a command of {@code ./tuquan} opens the application (database and modules, no web server).
 * The launcher registers the opener at start, so that modules' commands need not know the
 * application class.
 */
public final class CommandContexts {

    private static volatile Supplier<ConfigurableApplicationContext> opener;

    private CommandContexts() {}

    public static void register(Supplier<ConfigurableApplicationContext> applicationOpener) {
        opener = applicationOpener;
    }

    /** Opens the application; close it when the command is done. */
    public static ConfigurableApplicationContext open() {
        if (opener == null) {
            throw new IllegalStateException("No application registered for commands");
        }
        return opener.get();
    }
}
