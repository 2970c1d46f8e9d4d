package vn.tuquan.access.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Dates;

/**
 * Token buckets for failed sign-in attempts (password or second-factor code), one per username
 * and one per client address, kept in this node's memory: each node of a cluster counts on its
 * own. A username may fail 10 times at once and once more every 6 seconds; an address 30 times at
 * once and once more every 2 seconds (an office shares one address behind its router, and so does
 * everyone behind a reverse proxy when forwarded headers are off). Successful attempts cost nothing.
 */
@Component
public class SignInRateLimiter {

    static final Limit PER_USERNAME = new Limit(10, 1.0 / 6);
    static final Limit PER_ADDRESS = new Limit(30, 0.5);
    private static final int MAX_BUCKETS = 50_000;

    private final Clock clock = Dates.clock();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Whether an attempt may be made now: both buckets hold at least one token. */
    public boolean allows(String username, String address) {
        return tokens("u:" + SignInLockout.normalise(username), PER_USERNAME) >= 1
                && tokens("a:" + address, PER_ADDRESS) >= 1;
    }

    /** Charges one failed attempt to the username and the address. */
    public void failed(String username, String address) {
        take("u:" + SignInLockout.normalise(username), PER_USERNAME);
        take("a:" + address, PER_ADDRESS);
    }

    private double tokens(String key, Limit limit) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return limit.capacity();
        }
        return Math.min(
                limit.capacity(), bucket.tokens() + (clock.millis() - bucket.at()) / 1000.0 * limit.perSecond());
    }

    private boolean take(String key, Limit limit) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        long now = clock.millis();
        boolean[] allowed = new boolean[1];
        buckets.compute(key, (k, old) -> {
            double tokens = old == null
                    ? limit.capacity()
                    : Math.min(limit.capacity(), old.tokens() + (now - old.at()) / 1000.0 * limit.perSecond());
            if (tokens >= 1) {
                allowed[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        return allowed[0];
    }

    record Limit(int capacity, double perSecond) {}

    private record Bucket(double tokens, long at) {}
}
