package vn.tuquan.households;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * A village head on a phone ticks every household of the village and sees the rate reach 100%, then
 * unticks one ticked by mistake and sees the rate move back.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdCommitmentsBrowserTests {

    static final String PASSWORD = "mat-khau-truong-thon-2026";
    static final String[] HEADS = {
        "Phạm Văn An",
        "Phạm Thị Bích",
        "Đinh Văn Cường",
        "Đinh Thị Duyên",
        "Vũ Văn Hải",
        "Vũ Thị Hằng",
        "Trần Văn Khoa",
        "Trần Thị Lụa"
    };

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Households households;

    Chromium chromium;
    long village;

    /**
     * A village of its own under Hải Minh: the fixture's areas are shared with other classes of this
     * database (HouseholdImportTests imports into Xóm 4), and the rate counts every resident household.
     */
    @BeforeAll
    void data() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        village = localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "HMTT", "Xóm Tích", null),
                        HouseholdsFixture.LIST_DATE)
                .id();
        TestUsers.withRoles(
                accounts,
                "truongthon.xom4",
                "Phạm Thị Lan",
                PASSWORD,
                Set.of("AREA_HEAD"),
                Scope.of(Set.of(village)),
                Scope.of(Set.of(village)));
        for (int i = 0; i < HEADS.length; i++) {
            households.add(
                    Caller.SYSTEM,
                    village,
                    new HouseholdForm("X4-" + (i + 1), HEADS[i], "Xóm 4, Hải Minh", 2 + i % 4, i % 3 == 0),
                    LocalDate.of(2023, 3, 1));
        }
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVillageHeadTicksEveryHouseholdOnAPhoneSeesOneHundredPercentAndUnticksAMistake() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            BrowserSignIn.signIn(tab, "truongthon.xom4", PASSWORD);

            page.navigate(tab.url("/households/areas/" + village + "/commitments"));
            assertThat(page.locator("#rate")).hasText("Đã đăng ký: 0% (0/8 hộ)");
            tab.screenshot("households-commitments-phone-before");
            for (String head : HEADS) {
                page.getByLabel(head, new Page.GetByLabelOptions().setExact(false))
                        .check();
            }
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Lưu").setExact(true))
                    .click();
            assertThat(page.locator("#rate")).hasText("Đã đăng ký: 100% (8/8 hộ)");
            assertThat(page.locator(".alert-success")).hasText("Đã lưu 8 hộ đăng ký.");
            tab.screenshot("households-commitments-phone-after");

            // the last one was ticked by mistake: untick it
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Sửa hoặc bỏ đăng ký của hộ X4-8 – " + HEADS[7]))
                    .click();
            assertThat(page.locator("#signed")).isChecked();
            tab.screenshot("households-commitment-phone-correct");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ đăng ký của hộ"))
                    .click();
            assertThat(page.locator("#rate")).hasText("Đã đăng ký: 87% (7/8 hộ)");
            assertThat(page.locator(".alert-success")).hasText("Đã bỏ đăng ký của hộ X4-8 – " + HEADS[7] + ".");
            assertThat(page.getByLabel(HEADS[7], new Page.GetByLabelOptions().setExact(false)))
                    .isEnabled();
            assertThat(tab.errors()).isEmpty();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
        }
    }
}
