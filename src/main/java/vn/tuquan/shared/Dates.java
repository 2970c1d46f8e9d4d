package vn.tuquan.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The product's clock and Vietnam's time zone: "today" in Tuquan is today in Vietnam, wherever the
 * server runs, and every read of the time in the product goes through here ({@code ArchitectureTests}
 * refuses {@code Instant.now()}, {@code LocalDate.now(…)}, {@code Clock.systemUTC()} and the like
 * anywhere else).
 *
 * <p>The clock is the machine's, unless the JVM is started with the system property
 * {@value #CLOCK_PROPERTY} set to an instant with its offset ({@code -Dtuquan.clock=2026-12-31T23:30+07:00}).
 * Then the clock <em>starts</em> at that instant when this class is first used and ticks on with
 * the machine's: sign-in codes, lock-outs, session and import timeouts keep working, while "today"
 * is the day chosen. The test build uses it to run the date-sensitive tests just before and just
 * after midnight in Vietnam on New Year's Eve; it is not meant for production (the start-up log
 * warns when it is set).
 *
 * <p>PostgreSQL's {@code now()} is the machine's clock, not this one: the product passes
 * {@link #now()} as a bound parameter wherever it writes or compares a time, and column defaults
 * ({@code DEFAULT now()}) only fill stamps that nothing compares with the product's time.
 */
public final class Dates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The system property that sets where the product clock starts. */
    public static final String CLOCK_PROPERTY = "tuquan.clock";

    private static final String SETTING = System.getProperty(CLOCK_PROPERTY);
    private static final Clock CLOCK = startingAt(SETTING, Clock.systemUTC());

    private Dates() {}

    /** The product's clock, in Vietnam's zone. */
    public static Clock clock() {
        return CLOCK;
    }

    /** The product's current instant. */
    public static Instant now() {
        return CLOCK.instant();
    }

    /** The product's current time in Vietnam. */
    public static OffsetDateTime nowInVietnam() {
        return OffsetDateTime.now(CLOCK);
    }

    /** Today in Vietnam, by the product's clock. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /** The value of {@value #CLOCK_PROPERTY} when the clock was moved, empty when it is the machine's. */
    public static Optional<String> moved() {
        return SETTING == null || SETTING.isBlank() ? Optional.empty() : Optional.of(SETTING.strip());
    }

    /**
     * A clock in Vietnam's zone that reads {@code setting} now and ticks with {@code base} from then
     * on; {@code base} itself (in Vietnam's zone) when the setting is empty.
     *
     * @throws IllegalArgumentException when the setting is not an ISO instant with its offset
     */
    static Clock startingAt(String setting, Clock base) {
        if (setting == null || setting.isBlank()) {
            return base.withZone(VIETNAM);
        }
        OffsetDateTime start;
        try {
            start = OffsetDateTime.parse(setting.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    CLOCK_PROPERTY + " must be an instant with its offset, such as " + "2026-12-31T23:30+07:00, not "
                            + setting,
                    e);
        }
        return Clock.offset(base, Duration.between(base.instant(), start.toInstant()))
                .withZone(VIETNAM);
    }
}
