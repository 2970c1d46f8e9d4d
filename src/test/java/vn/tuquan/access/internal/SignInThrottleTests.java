package vn.tuquan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;

/**
 * Credential stuffing from one address (many names, one failure each, so no lock-out) runs into
 * the per-address rate limit. Its own application: the test uses up the address's bucket.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=sign-in-throttle")
class SignInThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void manyNamesFromOneAddressAreSlowedDown() {
        accounts.createIfAbsent("that.su", "Người Thật", "mat-khau-that-su-dung");
        WebSession session = new WebSession(port);
        int refusedBeforeThrottle = 0;
        String last = "";
        for (int i = 0; i < SignInRateLimiter.PER_ADDRESS.capacity() * 3 && !last.endsWith("throttled"); i++) {
            last = session.signIn("ten.doan." + i, "mat-khau-doan-bua")
                    .headers()
                    .firstValue("Location")
                    .orElse("");
            if (last.endsWith("/login?error")) {
                refusedBeforeThrottle++;
            }
        }
        assertThat(last).endsWith("/login?throttled");
        // 30 at once, and one more every 2 seconds while the attempts go on (a slow machine refills a few)
        assertThat(refusedBeforeThrottle)
                .isBetween(SignInRateLimiter.PER_ADDRESS.capacity(), SignInRateLimiter.PER_ADDRESS.capacity() * 2);
        assertThat(Jsoup.parse(session.getPage("/login?throttled").body())
                        .selectFirst(".alert-warning")
                        .text())
                .isEqualTo("Có quá nhiều lần đăng nhập sai trong thời gian ngắn. Hãy chờ một phút rồi thử lại.");
        assertThat(session.signIn("that.su", "mat-khau-that-su-dung")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("while the address is throttled, even the right password waits")
                .endsWith("/login?throttled");
    }
}
