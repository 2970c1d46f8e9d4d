package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.TuquanProcess;
import vn.tuquan.shared.db.EmbeddedPostgresServer;
import vn.tuquan.units.AdminUnitsData;

/** {@code ./tuquan audit verify} and {@code ./tuquan keys rotate} on the packaged jar and a real data directory. */
class AuditCommandIT {

    @Test
    void verifySaysTheChainIsIntact_thenNamesTheRowsEditedAndDeletedByHand() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        TuquanProcess.initialise(dataDir);
        Path namDinh = AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv");
        assertThat(run(dataDir, "units", "import", namDinh.toString(), "--as-of", "2022-10-01")
                        .exitCode())
                .isZero();
        Path districts = AdminUnitsData.file("geo/old_pre2025/vn_districts_old_dvhcvn_simplified.geojson");
        assertThat(run(
                                dataDir,
                                "units",
                                "boundaries",
                                districts.toString(),
                                "--as-of",
                                "2022-10-01",
                                "--province",
                                "36")
                        .exitCode())
                .isZero();
        TuquanProcess.CommandResult rotated = run(dataDir, "keys", "rotate", "--lang", "en");
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        assertThat(rotated.stdout()).isEqualTo("Created key k2 and re-encrypted 0 values.\n");

        TuquanProcess.CommandResult intact = run(dataDir, "audit", "verify");
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        // the administrator's account and roles, the list, the boundaries, the rotated key
        assertThat(intact.stdout()).startsWith("5 mục, chuỗi nguyên vẹn").hasLineCount(1);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("pg"));
                Connection c = server.connect("postgres");
                var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute("UPDATE audit_event SET actor_username = 'someone.else' WHERE id = 1");
        }
        TuquanProcess.CommandResult edited = run(dataDir, "audit", "verify");
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.output())
                .contains("Chuỗi nhật ký KHÔNG nguyên vẹn: 5 mục, 1 chỗ không khớp:")
                .contains("mục 1: nội dung đã bị sửa");
        TuquanProcess.CommandResult editedJson = run(dataDir, "audit", "verify", "--json");
        assertThat(editedJson.exitCode()).isEqualTo(1);
        JsonNode report = JsonMapper.builder().build().readTree(editedJson.stdout());
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("entries").asLong()).isEqualTo(5);
        assertThat(report.get("problems").get(0).get("id").asLong()).isEqualTo(1);
        assertThat(report.get("problems").get(0).get("kind").asString()).isEqualTo("CONTENT_CHANGED");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("pg"));
                Connection c = server.connect("postgres");
                var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute("DELETE FROM audit_event WHERE id = 2");
        }
        TuquanProcess.CommandResult deleted = run(dataDir, "audit", "verify", "--lang", "en");
        assertThat(deleted.exitCode()).isEqualTo(1);
        assertThat(deleted.output())
                .contains("entry 1: its content was edited")
                .contains("entry 2: missing (deleted)")
                .contains("entry 3: not linked to the entry before it");
    }

    private static TuquanProcess.CommandResult run(Path dataDir, String... args) {
        return TuquanProcess.command(dataDir, args);
    }
}
