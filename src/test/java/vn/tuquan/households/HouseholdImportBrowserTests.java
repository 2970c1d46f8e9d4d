package vn.tuquan.households;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/** A village head on a phone downloads the template, uploads a file with a mistake, fixes it and imports it. */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdImportBrowserTests {

    static final String PASSWORD = "mat-khau-truong-xom-moi-2026";

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
    String code;

    @BeforeAll
    void data() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        code = "HMM" + System.nanoTime() % 100_000;
        village = localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", code, "Xóm Mới", null),
                        HouseholdsFixture.LIST_DATE)
                .id();
        TestUsers.withRoles(
                accounts,
                "truongxom.moi",
                "Vũ Thị Mới",
                PASSWORD,
                Set.of("AREA_HEAD"),
                Scope.of(Set.of(village)),
                Scope.of(Set.of(village)));
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    static FilePayload csv(String name, String text) {
        return new FilePayload(name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aVillageHeadImportsAFileOfHouseholdsOnAPhone() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            BrowserSignIn.signIn(tab, "truongxom.moi", PASSWORD);

            page.navigate(tab.url("/households/areas/" + village));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nhập tệp danh sách hộ"))
                    .click();
            assertThat(page).hasURL(tab.url("/households/areas/" + village + "/import"));

            Download template =
                    page.waitForDownload(() -> page.locator("#template-csv").click());
            assertThat(template.suggestedFilename()).isEqualTo("households-template.csv");

            String header = "area,code,head_name,address,members,catholic\n";
            page.getByLabel("Tệp CSV hoặc Excel (.xlsx)")
                    .setInputFiles(csv(
                            "xom-moi.csv",
                            header + code + ",M-1,Vũ Văn Một,,4,0\n" + code + ",M-2,,,3,0\n" + code
                                    + ",M-3,Vũ Văn Ba,,2,x\n"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên và nhập"))
                    .click();
            assertThat(page.locator("#import-problems tbody tr")).hasCount(1);
            assertThat(page.locator("#import-problems tbody tr td"))
                    .containsText(new String[] {"3", "Chủ hộ (head_name)", "Thiếu tên chủ hộ."});
            tab.screenshot("households-import-phone-refused");
            assertThat(households.inArea(Scope.WHOLE_COUNTRY, village, Dates.today()))
                    .isEmpty();

            page.getByLabel("Tệp CSV hoặc Excel (.xlsx)")
                    .setInputFiles(csv(
                            "xom-moi.csv",
                            header + code + ",M-1,Vũ Văn Một,,4,0\n" + code + ",M-2,Vũ Thị Hai,,3,0\n" + code
                                    + ",M-3,Vũ Văn Ba,,2,x\n"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên và nhập"))
                    .click();
            assertThat(page.locator("#import-done")).hasText("Đã nhập 3 hộ từ tệp xom-moi.csv.");
            tab.screenshot("households-import-phone-done");
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Về danh sách hộ"))
                    .click();
            assertThat(page.locator("#rate")).hasText("Đã đăng ký: 0% (0/3 hộ)");
            assertThat(tab.errors()).isEmpty();
        }
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, village, Dates.today()))
                .extracting(Household::headName)
                .containsExactly("Vũ Văn Một", "Vũ Thị Hai", "Vũ Văn Ba");
    }
}
