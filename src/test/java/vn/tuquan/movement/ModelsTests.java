package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/** The model catalogue, models and their rule, assessments and cameras, on the real database. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelsTests {

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    ModelTypes types;

    @Autowired
    Models models;

    @Autowired
    JdbcClient jdbc;

    Caller wardOfficer;

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        wardOfficer = new Caller(
                42,
                "ward",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
    }

    @Test
    void theCatalogueHoldsEveryModelTheSourceNames() {
        List<String> names = types.all().stream().map(ModelType::nameVi).toList();
        assertThat(names)
                .contains(
                        "Tổ an ninh nhân dân",
                        "Nhóm liên gia tự quản",
                        "Tiếng kẻng an toàn",
                        "Ca-mê-ra an ninh",
                        "Trường học an toàn",
                        "Trường học không có ma túy và tệ nạn xã hội",
                        "Cổng trường an toàn",
                        "Giáo viên chủ nhiệm giỏi công tác ANTT",
                        "Ký túc xá tự quản",
                        "Cơ quan, đơn vị an toàn",
                        "Khu, cụm công nghiệp an toàn",
                        "Ba an toàn (cơ sở tôn giáo)",
                        "Xứ họ đạo tiên tiến",
                        "Chùa tinh tiến",
                        "Giáo xứ, giáo họ không có tội phạm, ma túy và tệ nạn xã hội",
                        "Tâm sáng, hướng thiện",
                        "Tuyến phố an toàn giao thông",
                        "Tổ tự quản về trật tự an toàn giao thông và vệ sinh môi trường");
        assertThat(types.find("SAFE_SCHOOL").orElseThrow().unitKinds()).containsExactly(UnitKind.SCHOOL);
        assertThat(types.all())
                .allMatch(t -> !t.nameEn().isBlank() && (t.selfManage() || t.selfPrevent() || t.selfProtect()));
    }

    @Test
    void onlyAProvincialAdministratorEditsTheCatalogue() {
        ModelType type = new ModelType(
                "NIGHT_PATROL",
                "Đội tuần tra ban đêm",
                "Night patrol",
                EnumSet.of(UnitKind.RESIDENTIAL_AREA),
                false,
                true,
                true,
                true);
        assertThatThrownBy(() -> types.save(wardOfficer, type)).isInstanceOf(AccessRefusedException.class);
        Caller provincial = new Caller(
                43,
                "province",
                Set.of(Permission.MOVEMENT_WRITE, Permission.USERS_MANAGE),
                Scope.of(Set.of(MovementFixture.province)),
                Scope.of(Set.of(MovementFixture.province)));
        Caller districtAdmin = new Caller(
                44,
                "district",
                Set.of(Permission.MOVEMENT_WRITE, Permission.USERS_MANAGE),
                Scope.of(Set.of(MovementFixture.district)),
                Scope.of(Set.of(MovementFixture.district)));
        assertThatThrownBy(() -> types.save(districtAdmin, type)).isInstanceOf(AccessRefusedException.class);
        assertThat(types.save(provincial, type).unitKinds()).containsExactly(UnitKind.RESIDENTIAL_AREA);
        assertThat(types.find("NIGHT_PATROL")).isPresent();
    }

    @Test
    void aModelOfATypeNotAllowedForTheUnitKindIsRefused() {
        long before = count();
        var safeSchool = new MovementModel.Form(
                "SAFE_SCHOOL", "Trường học an toàn", LocalDate.of(2016, 1, 1), null, "Nguyễn Văn A", 30, List.of());
        assertThatThrownBy(() -> models.create(wardOfficer, MovementFixture.village, safeSchool))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.typeNotForKind"));
        assertThat(count()).isEqualTo(before);
        long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'movement' AND entity_type = 'model'")
                .query(Long.class)
                .single();
        MovementModel created = models.create(wardOfficer, MovementFixture.school, safeSchool);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'movement' AND entity_type = 'model'")
                        .query(Long.class)
                        .single())
                .as("the write is in the audit log")
                .isEqualTo(audited + 1);
        assertThat(created.unitId()).isEqualTo(MovementFixture.school);
        assertThat(models.under(wardOfficer.view(), MovementFixture.haLong))
                .extracting(MovementModel::id)
                .contains(created.id());
    }

    @Test
    void writesOutsideTheCaptureScopeAreRefused() {
        var team = new MovementModel.Form(
                "PEOPLES_SECURITY_TEAM", "Tổ ANND số 9", LocalDate.of(2016, 1, 1), null, null, 12, List.of());
        assertThatThrownBy(() -> models.create(wardOfficer, MovementFixture.villageElsewhere, team))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> models.under(wardOfficer.view(), MovementFixture.tranTeXuong))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void aYearlyAssessmentCountsTheEffectiveModels() {
        MovementModel gong = models.create(
                wardOfficer,
                MovementFixture.village,
                new MovementModel.Form(
                        "SAFETY_GONG",
                        "Tiếng kẻng an toàn tổ 1",
                        LocalDate.of(2015, 3, 1),
                        null,
                        "Trần Văn B",
                        40,
                        List.of("Toàn dân bảo vệ ANTQ")));
        assertThat(gong.campaigns()).containsExactly("Toàn dân bảo vệ ANTQ");
        long before = models.effectiveCount(wardOfficer.view(), MovementFixture.haLong, 2017);
        models.assess(wardOfficer, MovementFixture.village, gong.id(), 2017, true, "Phát hiện 3 vụ trộm");
        assertThat(models.effectiveCount(wardOfficer.view(), MovementFixture.haLong, 2017))
                .isEqualTo(before + 1);
        models.assess(wardOfficer, MovementFixture.village, gong.id(), 2017, false, "Không duy trì");
        assertThat(models.effectiveCount(wardOfficer.view(), MovementFixture.haLong, 2017))
                .isEqualTo(before);
        assertThatThrownBy(() -> models.assess(wardOfficer, MovementFixture.village, gong.id(), 2017, true, " "))
                .isInstanceOf(MovementRefusedException.class);
        assertThatThrownBy(() -> models.assess(wardOfficer, MovementFixture.village, gong.id(), 2010, true, "x"))
                .isInstanceOf(MovementRefusedException.class);
    }

    @Test
    void camerasAreRegisteredWithTheirPlace() {
        Camera camera = models.register(
                wardOfficer,
                MovementFixture.village,
                new Camera.Form(null, 20.4251, 106.1683, "Nhà ông Phạm Văn C", "Ngã ba chợ", LocalDate.of(2017, 5, 1)));
        assertThat(models.cameras(wardOfficer.view(), MovementFixture.haLong))
                .extracting(Camera::id)
                .contains(camera.id());
        assertThatThrownBy(() -> models.register(
                        wardOfficer, MovementFixture.village, new Camera.Form(null, 200.0, 106.0, "x", null, null)))
                .isInstanceOf(MovementRefusedException.class);
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM movement_model").query(Long.class).single();
    }
}
