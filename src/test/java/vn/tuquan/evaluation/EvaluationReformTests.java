package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.evaluation.internal.CompetentLevels;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Who recognises a commune across the two-tier reform, on the real tree of Nam Định taken through
 * it (the lists of 2022, March 2025, July 2025 and the old-to-new mapping, as ReformTests does): the
 * ward of 2024 is recognised by Thành phố Nam Định (the district); the ward of 2025, after the
 * reform, by the province (Ninh Bình), whose People's Committee issues the certificate.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-reform")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationReformTests {

    static final LocalDate LIST_2022 = LocalDate.of(2022, 10, 1);

    @Autowired
    Evaluations evaluations;

    @Autowired
    SubmittingSelfAssessments selfAssessments;

    @Autowired
    RecognisingUnits recognising;

    @Autowired
    Certificates certificates;

    @Autowired
    Units units;

    long village;

    @BeforeAll
    void namDinhThroughTheReform(@Autowired OfficialLists lists, @Autowired LocalUnits localUnits) {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_2022,
                Optional.empty());
        long ward = units.findByCode(Scope.WHOLE_COUNTRY, "13636", LIST_2022)
                .orElseThrow()
                .id();
        village = localUnits
                .create(
                        Caller.SYSTEM,
                        ward,
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", null, "Tổ dân phố số 3", null),
                        LIST_2022)
                .id();
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/thanglequoc_v2.4.1_simplified.json")),
                LocalDate.of(2025, 3, 1),
                Optional.of("36"));
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/thanglequoc_v4.2.0_full.json")),
                CompetentLevels.REFORM,
                Optional.empty());
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv")),
                CompetentLevels.REFORM,
                Optional.empty());
    }

    /** The commune the village lay in on a day. */
    UnitView communeOf(LocalDate day) {
        return units.find(
                        Scope.WHOLE_COUNTRY,
                        units.find(Scope.WHOLE_COUNTRY, village, day)
                                .orElseThrow()
                                .parentId(),
                        day)
                .orElseThrow();
    }

    @Test
    void beforeTheReformTheDistrictAfterItTheProvinceRecognisesTheCommune() {
        UnitView ward2024 = communeOf(LocalDate.of(2024, 11, 15));
        EvaluationProcess before = evaluations.process(Scope.WHOLE_COUNTRY, ward2024.id(), 2024);
        assertThat(before.competent().kind()).isEqualTo(UnitKind.DISTRICT);
        assertThat(before.competent().name()).isEqualTo("Thành phố Nam Định");
        // the village is recognised by its commune in both years
        assertThat(evaluations
                        .process(Scope.WHOLE_COUNTRY, village, 2024)
                        .competent()
                        .id())
                .isEqualTo(ward2024.id());

        UnitView ward2025 = communeOf(LocalDate.of(2025, 11, 15));
        assertThat(ward2025.name()).isEqualTo("Phường Nam Định");
        EvaluationProcess after = evaluations.process(Scope.WHOLE_COUNTRY, ward2025.id(), 2025);
        assertThat(after.competent().kind()).isEqualTo(UnitKind.PROVINCE);
        assertThat(after.competent().name()).isEqualTo("Tỉnh Ninh Bình");
        assertThat(evaluations
                        .process(Scope.WHOLE_COUNTRY, village, 2025)
                        .competent()
                        .id())
                .isEqualTo(ward2025.id());
    }

    @Test
    void theProvinceDecidesAndIssuesTheCertificateOfACommuneAfterTheReform() {
        UnitView ward = communeOf(LocalDate.of(2025, 11, 15));
        long id = ward.id();
        selfAssessments.register(Caller.SYSTEM, id, 2025, LocalDate.of(2025, 2, 10));
        EvaluationProcess process = evaluations.process(Scope.WHOLE_COUNTRY, id, 2025);
        for (Evaluation.Line line : process.lines()) {
            if (line.toEnter()) {
                selfAssessments.enter(
                        Caller.SYSTEM, id, 2025, line.criterion(), true, "Báo cáo của phường số 12/BC-UBND");
            }
        }
        selfAssessments.submit(Caller.SYSTEM, id, 2025);
        recognising.accept(Caller.SYSTEM, id, 2025);
        Evaluation recognised = recognising.recognise(
                Caller.SYSTEM,
                id,
                2025,
                new Evaluation.Decision("3120/QĐ-UBND", LocalDate.of(2025, 12, 20), "Phạm Quang Ngọc"));
        UnitView province = units.find(Scope.WHOLE_COUNTRY, process.competent().id(), LocalDate.of(2025, 11, 15))
                .orElseThrow();
        assertThat(recognised.decidedByUnit()).isEqualTo(province.id());
        String text = EvaluationProcessTests.certificateText(certificates.pdf(Scope.WHOLE_COUNTRY, id, 2025));
        assertThat(text)
                .contains("TỈNH NINH BÌNH".toUpperCase(new Locale("vi")))
                .contains("Phường Nam Định")
                .contains("3120/QĐ-UBND")
                .contains("20/12/2025")
                .contains("năm 2025");
    }
}
