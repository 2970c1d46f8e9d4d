package vn.tuquan.shared.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.db.DatabaseInfo;

@RestController
@RequestMapping("/api/v1/system")
@Tag(name = "system", description = "Thông tin hệ thống / about this Tuquan instance")
@Requires
class SystemApi {

    private final DatabaseInfo database;
    private final StartupReport startup;
    private final String version;

    SystemApi(DatabaseInfo database, StartupReport startup, @Value("${tuquan.version:development}") String version) {
        this.database = database;
        this.startup = startup;
        this.version = version;
    }

    @GetMapping
    @Operation(summary = "Version, database and start time of this instance")
    SystemStatus status() {
        return new SystemStatus(
                version,
                "PostgreSQL " + database.serverVersion(),
                database.isEmbedded() ? "embedded" : "external",
                startup.startedAt());
    }

    record SystemStatus(String version, String database, String databaseMode, OffsetDateTime startedAt) {}
}
