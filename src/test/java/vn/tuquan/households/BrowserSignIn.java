package vn.tuquan.households;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import vn.tuquan.Chromium;

/** Signing in through the Vietnamese login form in a browser tab, landing on the home page. */
final class BrowserSignIn {

    private BrowserSignIn() {}

    static void signIn(Chromium.Tab tab, String username, String password) {
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page).hasURL(tab.url("/"));
    }
}
