package vn.tuquan.movement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/** A unit's movement page in a real Chromium on a phone: the camera map draws, a model is added with the form. */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementBrowserTests {

    @LocalServerPort
    int port;

    Chromium chromium;

    @Autowired
    Models models;

    @BeforeAll
    void setUp(
            @Autowired OfficialLists lists,
            @Autowired LocalUnits localUnits,
            @Autowired Units units,
            @Autowired UserAccounts accounts,
            @Autowired Models models) {
        MovementFixture.ensure(lists, localUnits, units);
        TestUsers.administrator(accounts, MovementFixture.USERNAME, "Cán Bộ Phong Trào", MovementFixture.PASSWORD);
        models.register(
                Caller.SYSTEM,
                MovementFixture.village,
                new Camera.Form(null, 20.4262, 106.1720, "Nhà ông Vũ Văn E", "Cổng chợ", LocalDate.of(2017, 3, 1)));
        models.register(
                Caller.SYSTEM,
                MovementFixture.village,
                new Camera.Form(null, 20.4241, 106.1699, "Nhà văn hóa", null, null));
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void onAPhoneTheCameraMapDrawsAndAModelIsAdded() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = signedIn(tab);
            page.navigate(tab.url("/movement/units/" + MovementFixture.village));
            assertThat(page.locator("h1")).hasText("Tổ dân phố số 1");
            // the summary of the village's period in force today (from 1/11 the next year's)
            assertThat(page.locator("h2").first())
                    .hasText("Tóm tắt năm "
                            + UnitKind.RESIDENTIAL_AREA.periodOn(Dates.today()).year());
            assertThat(page.locator("#camera-map path.leaflet-interactive").first())
                    .isVisible();
            assertThat(page.locator("#camera-map path.leaflet-interactive"))
                    .hasCount(models.cameras(Caller.SYSTEM.view(), MovementFixture.village)
                            .size());
            var newModel = page.locator("form.movement-model-form");
            newModel.getByLabel("Loại mô hình").selectOption("INTER_FAMILY_GROUP");
            newModel.getByLabel("Tên mô hình").fill("Nhóm liên gia số 3");
            // refused without a start date: the form alone comes back (htmx), the field marked, the input kept
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu mô hình"))
                    .click();
            assertThat(newModel.locator(".form-error")).containsText("Ngày bắt đầu");
            assertThat(newModel.getByLabel("Ngày bắt đầu")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
            assertThat(newModel.getByLabel("Tên mô hình")).hasValue("Nhóm liên gia số 3");
            assertThat(page.locator("form.movement-model-form")).hasCount(1);
            newModel.getByLabel("Ngày bắt đầu").fill("2016-05-01");
            newModel.getByLabel("Số thành viên").fill("9");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu mô hình"))
                    .click();
            assertThat(page.locator(".movement-saved")).containsText("Nhóm liên gia số 3");
            assertThat(page.locator("table.movement-models")).containsText("Nhóm liên gia số 3");
            tab.screenshot("movement-unit-phone");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }

    @Test
    void onAPhoneAModelIsCorrectedThenEnded() {
        MovementModel model = models.create(
                Caller.SYSTEM,
                MovementFixture.village,
                new MovementModel.Form(
                        "PEOPLES_SECURITY_TEAM",
                        "Tổ ANND số 4",
                        LocalDate.of(2016, 2, 1),
                        null,
                        "Đỗ Văn H",
                        7,
                        List.of()));
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = signedIn(tab);
            page.navigate(tab.url("/movement/units/" + MovementFixture.village));
            var edit = page.locator("#edit-model-" + model.id());
            assertThat(edit.getByLabel("Tên mô hình")).isHidden();
            edit.locator("summary").click();
            assertThat(edit.getByLabel("Tên mô hình")).hasValue("Tổ ANND số 4");
            edit.getByLabel("Tên mô hình").fill("Tổ an ninh nhân dân số 4");
            edit.getByLabel("Số thành viên").fill("12");
            edit.getByLabel("Ngày kết thúc").first().fill("2015-01-01");
            edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu thay đổi"))
                    .click();
            assertThat(page.locator("#edit-model-" + model.id() + " .form-error"))
                    .containsText("Ngày kết thúc");
            edit.getByLabel("Ngày kết thúc").first().fill("");
            edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu thay đổi"))
                    .click();
            assertThat(page.locator(".movement-saved")).containsText("Tổ an ninh nhân dân số 4");
            assertThat(page.locator("#model-" + model.id())).containsText("Tổ an ninh nhân dân số 4");
            assertThat(page.locator("#model-" + model.id())).containsText("12");
            page.locator("#edit-model-" + model.id() + " summary").click();
            page.locator("#end-" + model.id()).fill("2018-12-31");
            page.locator("#edit-model-" + model.id())
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kết thúc mô hình"))
                    .click();
            assertThat(page.locator(".movement-saved")).containsText("Đã kết thúc mô hình");
            assertThat(page.locator("#model-" + model.id())).containsText("31/12/2018");
            tab.screenshot("movement-model-edit-phone");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }

    Page signedIn(Chromium.Tab tab) {
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        page.getByLabel("Tên đăng nhập").fill(MovementFixture.USERNAME);
        page.getByLabel("Mật khẩu").fill(MovementFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        return page;
    }
}
