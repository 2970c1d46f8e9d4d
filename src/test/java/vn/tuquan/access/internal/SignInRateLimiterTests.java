package vn.tuquan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token buckets: failures use them up, per username and per address. */
class SignInRateLimiterTests {

    @Test
    void aUsernameMayFailTenTimesAtOnceThenWaits() {
        SignInRateLimiter limiter = new SignInRateLimiter();
        for (int i = 0; i < SignInRateLimiter.PER_USERNAME.capacity(); i++) {
            assertThat(limiter.allows("nguoi.a", "10.0.0." + i)).isTrue();
            limiter.failed("Nguoi.A ", "10.0.0." + i);
        }
        assertThat(limiter.allows("nguoi.a", "10.0.0.99"))
                .as("same username, any address")
                .isFalse();
        assertThat(limiter.allows("nguoi.b", "10.0.0.99"))
                .as("another username")
                .isTrue();
    }

    @Test
    void anAddressMayFailThirtyTimesAtOnceWhateverTheUsername() {
        SignInRateLimiter limiter = new SignInRateLimiter();
        for (int i = 0; i < SignInRateLimiter.PER_ADDRESS.capacity(); i++) {
            assertThat(limiter.allows("user" + i, "192.0.2.7")).isTrue();
            limiter.failed("user" + i, "192.0.2.7");
        }
        assertThat(limiter.allows("someone.new", "192.0.2.7")).isFalse();
        assertThat(limiter.allows("someone.new", "192.0.2.8")).isTrue();
    }
}
