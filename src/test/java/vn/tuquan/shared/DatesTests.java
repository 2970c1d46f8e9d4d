package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The product clock: the machine's, or one that starts where {@code tuquan.clock} says and ticks.
 * Tagged {@code clock}: in the build's clock runs the last test checks that the clock was moved
 * and that the JVM's zone is not Vietnam's, so those runs cannot pass by testing nothing.
 */
@Tag("clock")
class DatesTests {

    static final Instant MACHINE = Instant.parse("2026-06-15T03:00:00Z");

    @Test
    void withoutASettingTheClockIsTheMachinesInVietnamsZone() {
        Clock clock = Dates.startingAt(null, Clock.fixed(MACHINE, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(MACHINE);
        assertThat(clock.getZone()).isEqualTo(Dates.VIETNAM);
        assertThat(Dates.startingAt("  ", Clock.fixed(MACHINE, ZoneOffset.UTC)).instant())
                .isEqualTo(MACHINE);
    }

    @Test
    void aSettingStartsTheClockThereAndItTicksOnWithTheMachine() {
        Moving machine = new Moving(MACHINE);
        Clock clock = Dates.startingAt("2026-12-31T23:30+07:00", machine);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-31T16:30:00Z"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 12, 31));
        machine.advance(Duration.ofMinutes(31));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-31T17:01:00Z"));
        assertThat(LocalDate.now(clock))
                .as("midnight passed in Vietnam, not in UTC")
                .isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aSettingWithoutItsOffsetOrNotATimeIsRefusedByName() {
        Clock machine = Clock.fixed(MACHINE, ZoneOffset.UTC);
        assertThatThrownBy(() -> Dates.startingAt("2026-12-31T23:30", machine))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Dates.CLOCK_PROPERTY);
        assertThatThrownBy(() -> Dates.startingAt("tomorrow", machine))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tomorrow");
    }

    /**
     * In the build's clock runs ({@code tuquan.clock} set, pom.xml) the product clock reads just
     * after the start it was given, and the machine's zone is not Vietnam's; in the ordinary run it
     * reads the machine's clock.
     */
    @Test
    void theProductClockIsWhereThisJvmWasToldToStartIt() {
        String setting = System.getProperty(Dates.CLOCK_PROPERTY);
        Instant machine = Clock.systemUTC().instant();
        if (setting == null || setting.isBlank()) {
            assertThat(Dates.moved()).isEmpty();
            assertThat(Duration.between(machine, Dates.now()).abs()).isLessThan(Duration.ofMinutes(1));
            return;
        }
        Instant start = OffsetDateTime.parse(setting).toInstant();
        assertThat(Dates.moved()).contains(setting.strip());
        assertThat(Dates.now()).isBetween(start, start.plus(Duration.ofMinutes(30)));
        assertThat(ZoneId.systemDefault().getRules().getOffset(Dates.now()))
                .as("a clock run proves something only where the machine's zone is not Vietnam's")
                .isNotEqualTo(ZoneOffset.ofHours(7));
    }

    /** A machine clock the test moves by hand (in any zone, the same instant). */
    static final class Moving extends Clock {

        private final Instant[] now;
        private final ZoneId zone;

        Moving(Instant now) {
            this(new Instant[] {now}, ZoneOffset.UTC);
        }

        private Moving(Instant[] now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration by) {
            now[0] = now[0].plus(by);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Moving(now, other);
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    }
}
