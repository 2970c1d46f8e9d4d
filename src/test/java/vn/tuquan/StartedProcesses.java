package vn.tuquan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged jar's processes a test starts and the data directories it uses, stopped after each
 * test whether it passed or failed midway ({@link TuquanProcess#stopLeftovers}): register it with
 * {@code @RegisterExtension final StartedProcesses processes = new StartedProcesses();}.
 */
public final class StartedProcesses implements AfterEachCallback {

    private final List<TuquanProcess> started = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    /** Starts a command of the jar on a data directory ({@link TuquanProcess#start}), stopped after the test. */
    public TuquanProcess start(Path dataDir, String command, String name) {
        TuquanProcess process = TuquanProcess.start(dataDir, command, name);
        started.add(process);
        return process;
    }

    /** How many processes the test has started. */
    public int count() {
        return started.size();
    }

    /** A data directory whose embedded PostgreSQL is stopped after the test if still running. */
    public Path watch(Path dataDir) {
        dataDirs.add(dataDir);
        return dataDir;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            TuquanProcess.stopLeftovers(started, dataDirs);
        } finally {
            started.clear();
            dataDirs.clear();
        }
    }
}
