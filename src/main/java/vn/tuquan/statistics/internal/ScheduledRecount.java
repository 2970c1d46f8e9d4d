package vn.tuquan.statistics.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Dates;

/**
 * The recount of every summary from the registers, on a schedule (daily at 02:30 in Vietnam by
 * default, {@code tuquan.statistics.recount-cron}), by one node only: the node that takes the
 * session-level advisory lock {@code (16, 0)} runs it, the others skip that turn. What it finds is a
 * metric, not a repair — {@code tuquan.statistics.drifted.rows} (rows that differed from their recount
 * at the last run, -1 before the first) and {@code tuquan.statistics.recount.last} (when it ran, epoch
 * seconds) — and a warning naming each drifted row; {@code ./tuquan statistics verify --repair}
 * repairs them.
 */
@Component
public class ScheduledRecount {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRecount.class);

    private final Summaries summaries;
    private final DataSource dataSource;
    private final AtomicLong drifted = new AtomicLong(-1);
    private final AtomicLong last = new AtomicLong(0);

    ScheduledRecount(Summaries summaries, DataSource dataSource, MeterRegistry meters) {
        this.summaries = summaries;
        this.dataSource = dataSource;
        Gauge.builder("tuquan.statistics.drifted.rows", drifted, AtomicLong::get)
                .description("summary rows that differed from their recount at the last scheduled recount")
                .register(meters);
        Gauge.builder("tuquan.statistics.recount.last", last, AtomicLong::get)
                .description("when the last scheduled recount ran (epoch seconds)")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(cron = "${tuquan.statistics.recount-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void onSchedule() {
        recount();
    }

    /**
     * Recounts once if no other node is recounting: the number of drifted rows found, or -1 when another
     * node holds the turn.
     */
    public long recount() {
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c)) {
                log.info("statistics: another node is recounting the summaries; this one skips its turn");
                return -1;
            }
            try {
                Summaries.Verification v = summaries.verify(null, false);
                for (Summaries.Drift d : v.drifts()) {
                    log.warn(
                            "statistics: year {}, unit {} drifted from its recount: {}",
                            d.year(),
                            d.unitId(),
                            d.columns());
                }
                drifted.set(v.drifts().size());
                last.set(Dates.now().getEpochSecond());
                log.info(
                        "statistics: {} rows of {} years recounted, {} drifted",
                        v.rows(),
                        v.years().size(),
                        v.drifts().size());
                return v.drifts().size();
            } finally {
                unlock(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics: the scheduled recount could not take its turn", e);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(16, 0)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(16, 0)")) {
            ps.execute();
        }
    }

    /** Timed work needs the scheduler (also enabled elsewhere; enabling it twice is harmless). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
