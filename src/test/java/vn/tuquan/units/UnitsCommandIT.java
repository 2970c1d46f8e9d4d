package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.TuquanProcess;

/** {@code ./tuquan units import} as people run it: the packaged jar, a real data directory. */
class UnitsCommandIT {

    @Test
    void importsAListOnceAndRefusesABadOneWithItsLineNumbers() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        TuquanProcess.initialise(dataDir);
        Path namDinh2022 = AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv");

        TuquanProcess.CommandResult first =
                run(dataDir, "units", "import", namDinh2022.toString(), "--as-of", "2022-10-01");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.stdout())
                .as("the summary alone on standard output, the log on standard error")
                .startsWith("Đã nhập nam_dinh_36_2022-10.csv theo ngày 2022-10-01: 237 đơn vị mới")
                .hasLineCount(1);
        assertThat(first.stderr()).contains("Starting embedded PostgreSQL");

        TuquanProcess.CommandResult again = run(
                dataDir, "units", "import", namDinh2022.toString(), "--as-of", "2022-10-01", "--lang", "en", "--json");
        assertThat(again.exitCode()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(again.stdout());
        assertThat(summary.get("imported").asBoolean()).isTrue();
        assertThat(summary.get("opened").asInt()).isZero();
        assertThat(summary.get("unchanged").asInt()).isEqualTo(237);
        assertThat(summary.get("asOf").asString()).isEqualTo("2022-10-01");

        Path districts = AdminUnitsData.file("geo/old_pre2025/vn_districts_old_dvhcvn_simplified.geojson");
        TuquanProcess.CommandResult boundaries =
                run(dataDir, "units", "boundaries", districts.toString(), "--as-of", "2022-10-01", "--province", "36");
        assertThat(boundaries.exitCode()).as(boundaries.output()).isZero();
        assertThat(boundaries.output())
                .containsPattern("Đã nhập ranh giới từ vn_districts_old_dvhcvn_simplified.geojson "
                        + "theo ngày 2022-10-01: 1\\d mới, 0 thay đổi, 0 không đổi");

        Path bad = Files.writeString(
                dataDir.resolve("bad.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Minh,14233,Xã,\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Đông,14233,Xã,\n");
        TuquanProcess.CommandResult refused = run(dataDir, "units", "import", bad.toString(), "--as-of", "2023-01-01");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr())
                .contains("Tệp bị từ chối, không có gì được ghi. 1 lỗi:")
                .contains("bad.csv, dòng 3: mã 14233 trùng với mã ở 2");
        assertThat(refused.stdout()).isEmpty();
        TuquanProcess.CommandResult refusedJson =
                run(dataDir, "units", "import", bad.toString(), "--as-of", "2023-01-01", "--json");
        assertThat(refusedJson.exitCode()).isEqualTo(1);
        JsonNode refusal = JsonMapper.builder().build().readTree(refusedJson.stdout());
        assertThat(refusal.get("imported").asBoolean()).isFalse();
        assertThat(refusal.get("problems").get(0).asString()).contains("bad.csv, dòng 3: mã 14233 trùng với mã ở 2");
    }

    private static TuquanProcess.CommandResult run(Path dataDir, String... args) {
        return TuquanProcess.command(dataDir, args);
    }
}
