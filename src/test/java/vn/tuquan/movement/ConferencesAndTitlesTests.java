package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/** Reviews and their attachments, the final-review query, titles, awards, agreements and rates. */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferencesAndTitlesTests {

    static final LocalDate TEN_YEARS_FROM = LocalDate.of(2007, 1, 1);
    static final LocalDate TEN_YEARS_TO = LocalDate.of(2017, 6, 30);

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    Conferences conferences;

    @Autowired
    Titles titles;

    @Autowired
    JdbcClient jdbc;

    Caller districtOfficer;

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        districtOfficer = new Caller(
                50,
                "district",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(MovementFixture.district)),
                Scope.of(Set.of(MovementFixture.district)));
    }

    Conference.Form finalReview(String topic) {
        return new Conference.Form(
                Conference.Kind.FINAL,
                topic,
                LocalDate.of(2017, 8, 10),
                TEN_YEARS_FROM,
                TEN_YEARS_TO,
                120,
                "Biên bản",
                List.of("Toàn dân bảo vệ an ninh Tổ quốc"));
    }

    @Test
    void finalReviewsOfThePeriodAreGroupedByLevelAndKind() {
        conferences.record(districtOfficer, MovementFixture.district, finalReview("Tổng kết 10 năm phong trào"));
        conferences.record(districtOfficer, MovementFixture.haLong, finalReview("Tổng kết 10 năm mô hình tự quản"));
        conferences.record(districtOfficer, MovementFixture.school, finalReview("Tổng kết 10 năm trường học an toàn"));
        conferences.record(
                districtOfficer,
                MovementFixture.tranTeXuong,
                new Conference.Form(
                        Conference.Kind.INTERIM,
                        "Sơ kết 5 năm",
                        LocalDate.of(2012, 12, 1),
                        TEN_YEARS_FROM,
                        LocalDate.of(2012, 6, 30),
                        60,
                        null,
                        List.of()));
        var groups = conferences.finalReviews(
                districtOfficer.view(), MovementFixture.district, TEN_YEARS_FROM, TEN_YEARS_TO);
        assertThat(groups.get("DISTRICT"))
                .extracting(Conference.Holder::unitId)
                .containsExactly(MovementFixture.district);
        assertThat(groups.get("COMMUNE")).extracting(Conference.Holder::unitId).containsExactly(MovementFixture.haLong);
        assertThat(groups.get("ORGANISATION"))
                .extracting(Conference.Holder::unitId)
                .containsExactly(MovementFixture.school);
        assertThat(conferences.under(districtOfficer.view(), MovementFixture.tranTeXuong))
                .hasSize(1);
    }

    @Test
    void aReviewHeldBeforeTheEndOfItsPeriodIsRefused() {
        var early = new Conference.Form(
                Conference.Kind.FINAL,
                "Tổng kết",
                LocalDate.of(2017, 1, 1),
                TEN_YEARS_FROM,
                TEN_YEARS_TO,
                10,
                null,
                List.of());
        assertThatThrownBy(() -> conferences.record(districtOfficer, MovementFixture.haLong, early))
                .isInstanceOf(MovementRefusedException.class);
    }

    @Test
    void attachmentsAreCheckedForSizeAndType() {
        Conference c = conferences.record(districtOfficer, MovementFixture.haLong, finalReview("Có biên bản"));
        byte[] pdf = "%PDF-1.4 biên bản".getBytes();
        var attached = conferences.attach(
                districtOfficer, MovementFixture.haLong, c.id(), "bien-ban.pdf", "application/pdf", pdf);
        assertThat(conferences
                        .attachment(districtOfficer.view(), MovementFixture.haLong, attached.id())
                        .orElseThrow()
                        .getValue())
                .isEqualTo(pdf);
        assertThatThrownBy(() -> conferences.attach(
                        districtOfficer,
                        MovementFixture.haLong,
                        c.id(),
                        "x.exe",
                        "application/x-msdownload",
                        new byte[] {'M', 'Z'}))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.fileType"));
        assertThatThrownBy(() -> conferences.attach(
                        districtOfficer,
                        MovementFixture.haLong,
                        c.id(),
                        "fake.pdf",
                        "application/pdf",
                        "MZ not a pdf".getBytes()))
                .isInstanceOf(MovementRefusedException.class);
        byte[] big = new byte[Conferences.MAX_ATTACHMENT_BYTES + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        assertThatThrownBy(() -> conferences.attach(
                        districtOfficer, MovementFixture.haLong, c.id(), "big.pdf", "application/pdf", big))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.fileTooLarge"));
        assertThat(conferences.attachments(districtOfficer.view(), MovementFixture.haLong, c.id()))
                .hasSize(1);
    }

    @Test
    void anAwardWithoutADecisionNumberIsRefused() {
        long before =
                jdbc.sql("SELECT count(*) FROM title_award").query(Long.class).single();
        assertThatThrownBy(() -> titles.award(
                        districtOfficer,
                        MovementFixture.pagoda,
                        new Title.AwardForm(
                                "DILIGENT_PAGODA", 2017, null, "UBND tỉnh Nam Định", " ", LocalDate.of(2017, 12, 20))))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.decisionRequired"));
        assertThatThrownBy(() -> titles.award(
                        districtOfficer,
                        MovementFixture.village,
                        new Title.AwardForm("DILIGENT_PAGODA", 2017, null, "UBND tỉnh", "123/QĐ-UBND", null)))
                .isInstanceOf(MovementRefusedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM title_award")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        titles.award(
                districtOfficer,
                MovementFixture.pagoda,
                new Title.AwardForm(
                        "DILIGENT_PAGODA",
                        2017,
                        null,
                        "UBND tỉnh Nam Định",
                        "123/QĐ-UBND",
                        LocalDate.of(2017, 12, 20)));
        var teacher = titles.award(
                districtOfficer,
                MovementFixture.school,
                new Title.AwardForm("GOOD_HOMEROOM_TEACHER", 2017, "Cô Lê Thị D", "Công an tỉnh", "45/QĐ-CAT", null));
        assertThat(teacher.personName()).isEqualTo("Cô Lê Thị D");
    }

    @Test
    void theShareOfAdvancedParishesMovesWithOneAward() {
        int year = Dates.today().getYear();
        Title.Rate before =
                titles.rate(districtOfficer.view(), MovementFixture.haLong, "ADVANCED_PARISH", UnitKind.PARISH, year);
        assertThat(before.total()).isEqualTo(2);
        assertThat(before.awarded()).isZero();
        titles.award(
                districtOfficer,
                MovementFixture.parish,
                new Title.AwardForm("ADVANCED_PARISH", year, null, "UBND thành phố Nam Định", "7/QĐ-UBND", null));
        Title.Rate after =
                titles.rate(districtOfficer.view(), MovementFixture.haLong, "ADVANCED_PARISH", UnitKind.PARISH, year);
        assertThat(after.awarded()).isEqualTo(1);
        assertThat(after.share()).isEqualTo(0.5);
        assertThatThrownBy(() -> titles.award(
                        districtOfficer,
                        MovementFixture.parish,
                        new Title.AwardForm("ADVANCED_PARISH", year, null, "UBND", "8/QĐ", null)))
                .isInstanceOf(MovementRefusedException.class);
    }

    @Test
    void emulationAgreementsJoinUnitsInScope() {
        var agreement = titles.agree(
                districtOfficer,
                MovementFixture.haLong,
                new Title.AgreementForm(
                        List.of(MovementFixture.tranTeXuong),
                        LocalDate.of(2017, 2, 1),
                        "Giao ước thi đua giữ gìn ANTT",
                        List.of("Toàn dân bảo vệ an ninh Tổ quốc")));
        assertThat(agreement.partyIds()).containsExactly(MovementFixture.haLong, MovementFixture.tranTeXuong);
        assertThat(titles.agreementsUnder(districtOfficer.view(), MovementFixture.tranTeXuong))
                .extracting(Title.Agreement::id)
                .contains(agreement.id());
        Caller ward = new Caller(
                51,
                "ward",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
        assertThatThrownBy(() -> titles.agree(
                        ward,
                        MovementFixture.tranTeXuong,
                        new Title.AgreementForm(
                                List.of(MovementFixture.haLong), LocalDate.of(2017, 2, 1), "x", List.of())))
                .isInstanceOf(AccessRefusedException.class);
    }
}
