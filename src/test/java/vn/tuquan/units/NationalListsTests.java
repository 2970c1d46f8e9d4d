package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;

/**
 * Imports the real national lists in date order, with the 2025 reform mapping, and checks the
 * tree as of each date. Its own application (and database): it needs an empty tree to start.
 */
@TuquanTest
@TestPropertySource(properties = NationalLists.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalListsTests {

    static final LocalDate GSO_2019 = NationalLists.GSO_2019;
    static final LocalDate LIST_2022 = NationalLists.LIST_2022;
    static final LocalDate FINAL_PRE_REFORM = NationalLists.FINAL_PRE_REFORM;
    static final LocalDate REFORM = NationalLists.REFORM;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    ImportSummary[] summaries;

    @BeforeAll
    void importEverythingInDateOrder() {
        summaries = NationalLists.importOnce(lists);
    }

    @Test
    void theGso2019ExportsGive63Provinces713Districts11160Communes() {
        assertCounts(GSO_2019, 63, 713, 11_160);
        assertThat(summaries[0].opened()).isEqualTo(63 + 713 + 11_160);
        assertNamDinh(GSO_2019, 10, 229);
    }

    @Test
    void theList2022Gives63Provinces705Districts10599Communes() {
        assertCounts(LIST_2022, 63, 705, 10_599);
        assertNamDinh(LIST_2022, 10, 226);
    }

    @Test
    void theFinalPreReformListGives63Provinces696Districts10035Communes() {
        assertCounts(FINAL_PRE_REFORM, 63, 696, 10_035);
        assertNamDinh(FINAL_PRE_REFORM, 9, 175);
    }

    @Test
    void from1July2025ThereAre34ProvincesNoDistrictsAnd3321Communes() {
        assertCounts(REFORM, 34, 0, 3_321);
    }

    @Test
    void namDinhIsClosedIn2025AndItsCommunesLeadTo57UnitsOfNinhBinh() {
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "36", REFORM)).isEmpty();
        UnitView namDinh =
                units.findByCode(Scope.WHOLE_COUNTRY, "36", FINAL_PRE_REFORM).orElseThrow();
        assertThat(namDinh.validTo()).isEqualTo(REFORM);
        List<UnitView> oldCommunes = units.subtree(
                        Scope.WHOLE_COUNTRY, namDinh.id(), Set.of(UnitKind.COMMUNE), FINAL_PRE_REFORM, 1000, 0)
                .units();
        assertThat(oldCommunes).hasSize(175);
        Set<UnitView> successors = oldCommunes.stream()
                .flatMap(c -> units.continuationsOn(Scope.WHOLE_COUNTRY, c.id(), REFORM).stream())
                .collect(Collectors.toSet());
        assertThat(successors).hasSize(57);
        UnitView ninhBinh = units.findByCode(Scope.WHOLE_COUNTRY, "37", REFORM).orElseThrow();
        assertThat(successors).allSatisfy(s -> assertThat(s.path()).startsWith(ninhBinh.path()));
    }

    @Test
    void code13636NamesDifferentWardsOverTimeAndLeadsToPhuongNamDinh() {
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "13636", LIST_2022)
                        .orElseThrow()
                        .name())
                .isEqualTo("Phường Trần Tế Xương");
        UnitView viXuyen =
                units.findByCode(Scope.WHOLE_COUNTRY, "13636", FINAL_PRE_REFORM).orElseThrow();
        assertThat(viXuyen.name()).isEqualTo("Phường Vị Xuyên");
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "13636", REFORM)).isEmpty();
        List<UnitView> today = units.continuationsOn(Scope.WHOLE_COUNTRY, viXuyen.id(), REFORM);
        assertThat(today)
                .extracting(UnitView::code, UnitView::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("13669", "Phường Nam Định"));
        assertThat(units.ancestors(Scope.WHOLE_COUNTRY, today.get(0).id(), REFORM))
                .extracting(UnitView::code)
                .containsExactly("37");
        assertThat(units.successors(Scope.WHOLE_COUNTRY, viXuyen.id()))
                .singleElement()
                .satisfies(s -> assertThat(s.whole()).isTrue());
    }

    @Test
    void theReformMappingBecameSuccessions() throws Exception {
        // every distinct (old code, new code) pair of the mapping, except a commune going on under its own code
        Set<String> pairs;
        try (var csv = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(java.nio.file.Files.newBufferedReader(
                        AdminUnitsData.file("post2025/mapping_old_to_new_2025_from_BangChuyendoi.csv")))) {
            // the data README: Ba Chẽ's new code 06970 became 06978 after the mapping was published
            pairs = csv.stream()
                    .map(r -> r.get("old_ward_code") + ">"
                            + r.get("new_ward_code").replace("06970", "06978"))
                    .filter(pair -> !pair.substring(0, 5).equals(pair.substring(6)))
                    .collect(Collectors.toSet());
        }
        assertThat(summaries[4].successions()).isEqualTo(pairs.size());
        assertThat(summaries[4].warnings())
                .as("Ba Chẽ's code changed after the mapping was published")
                .extracting(ImportRefusedException.Problem::messageKey)
                .containsOnly("units.import.warning.codeByName");
    }

    @Test
    void reImportingTheSameFilesChangesNothing() {
        long versions =
                jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single();
        long successions = jdbc.sql("SELECT count(*) FROM unit_succession")
                .query(Long.class)
                .single();
        long imports =
                jdbc.sql("SELECT count(*) FROM unit_import").query(Long.class).single();
        ImportSummary again = lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/thanglequoc_v4.2.0_full.json")),
                REFORM,
                Optional.empty());
        ImportSummary mappingAgain = lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/mapping_old_to_new_2025_from_BangChuyendoi.csv")),
                REFORM,
                Optional.empty());
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.unchanged()).isEqualTo(34 + 3_321);
        assertThat(mappingAgain.changedAnything()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM unit_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
        assertThat(jdbc.sql("SELECT count(*) FROM unit_succession")
                        .query(Long.class)
                        .single())
                .isEqualTo(successions);
        assertThat(jdbc.sql("SELECT count(*) FROM unit_import")
                        .query(Long.class)
                        .single())
                .isEqualTo(imports);
    }

    @Test
    void anOlderListAfterANewerOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lists.importFiles(
                        Caller.SYSTEM,
                        List.of(AdminUnitsData.file("pre2025/dvhcvn_v20221001.json")),
                        LIST_2022,
                        Optional.empty()))
                .isInstanceOf(ImportRefusedException.class)
                .satisfies(e -> assertThat(((ImportRefusedException) e).problems())
                        .extracting(ImportRefusedException.Problem::messageKey)
                        .containsExactly("units.import.error.olderThanHeld"));
    }

    @Test
    void searchIgnoresDiacriticsAndShowsThePath() {
        List<SearchHit> hits = units.search(Scope.WHOLE_COUNTRY, "hai hau", LIST_2022, Set.of(), Optional.empty(), 10);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).unit().name()).isEqualTo("Huyện Hải Hậu");
        assertThat(hits.get(0).fullName()).isEqualTo("Huyện Hải Hậu, Tỉnh Nam Định");
        assertThat(units.search(
                        Scope.WHOLE_COUNTRY, "HAI MINH", LIST_2022, Set.of(UnitKind.COMMUNE), Optional.empty(), 10))
                .extracting(SearchHit::fullName)
                .contains("Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định");
    }

    private void assertCounts(LocalDate date, long provinces, long districts, long communes) {
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.PROVINCE, date, Optional.empty()))
                .as("provinces on " + date)
                .isEqualTo(provinces);
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.DISTRICT, date, Optional.empty()))
                .as("districts on " + date)
                .isEqualTo(districts);
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.COMMUNE, date, Optional.empty()))
                .as("communes on " + date)
                .isEqualTo(communes);
    }

    private void assertNamDinh(LocalDate date, long districts, long communes) {
        UnitView namDinh = units.findByCode(Scope.WHOLE_COUNTRY, "36", date).orElseThrow();
        assertThat(namDinh.name()).isEqualTo("Tỉnh Nam Định");
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.DISTRICT, date, Optional.of(namDinh.id())))
                .isEqualTo(districts);
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.COMMUNE, date, Optional.of(namDinh.id())))
                .isEqualTo(communes);
    }
}
