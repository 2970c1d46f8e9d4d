package vn.tuquan.shared.web;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.db.DatabaseInfo;

/** Says, once the application is ready, where it serves and on which database. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DatabaseInfo database;
    private final Path dataDir;
    private volatile OffsetDateTime startedAt;

    StartupReport(DatabaseInfo database, @Value("${tuquan.data-directory}") Path dataDir) {
        this.database = database;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        startedAt = Dates.now().atOffset(ZoneOffset.UTC);
        String db = database.isEmbedded()
                ? "embedded PostgreSQL " + database.serverVersion() + " in "
                        + database.embeddedClusterDir().orElseThrow()
                : "external PostgreSQL " + database.serverVersion() + " at " + database.location();
        log.info("Database: {}; data directory: {}", db, dataDir);
        Dates.moved()
                .ifPresent(start -> log.warn(
                        "The clock was moved: it started at {} ({}) and reads {} now;"
                                + " PostgreSQL's own now() is still the machine's",
                        start,
                        Dates.CLOCK_PROPERTY,
                        startedAt));
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(
                    "Tuquan is ready at http://localhost:{}/ ({} ms after launch)",
                    web.getWebServer().getPort(),
                    event.getTimeTaken() == null ? "?" : event.getTimeTaken().toMillis());
            String management = web.getEnvironment().getProperty("local.management.port");
            if (management != null) {
                log.info(
                        "Health and metrics, for this machine only: http://127.0.0.1:{}/actuator/health and "
                                + "/actuator/prometheus",
                        management);
            }
        }
    }

    OffsetDateTime startedAt() {
        return startedAt;
    }
}
