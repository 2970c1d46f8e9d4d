package vn.tuquan.statistics.internal;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.tuquan.shared.Dates;
import vn.tuquan.units.OfficialListImported;

/**
 * Fills the years a dashboard opens on before anybody asks: when a server starts, and again after an
 * official list changed the tree (which forgets every year), the latest {@code tuquan.statistics.fill-years}
 * years (the period in force first, then back; {@code serve} and {@code demo} set 10, 0 switches it
 * off) are filled one after another in a background thread, so that the first reader does not wait for
 * the fill of the country. Two nodes starting together fill each year once: the fill takes the year's
 * lock and finds it filled when the other node has done it.
 */
@Component
public class BackgroundFill {

    private static final Logger log = LoggerFactory.getLogger(BackgroundFill.class);

    private final Summaries summaries;
    private final int years;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "statistics-fill");
        t.setDaemon(true);
        return t;
    });

    BackgroundFill(Summaries summaries, @Value("${tuquan.statistics.fill-years:0}") int years) {
        this.summaries = summaries;
        this.years = years;
    }

    @EventListener
    void on(ApplicationReadyEvent e) {
        if (e.getApplicationContext() instanceof WebServerApplicationContext) {
            start();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialListImported e) {
        start();
    }

    /** Starts filling the latest years in the background (nothing when switched off). */
    void start() {
        if (years > 0) {
            thread.submit(() -> fillLatestYears(years));
        }
    }

    /** The latest years, the period in force first. */
    static List<Integer> latestYears(int years) {
        List<Integer> latest = new ArrayList<>();
        int current = SummaryCounter.yearOn(Dates.today());
        for (int year = current; year > current - years && year >= Summaries.FIRST_YEAR; year--) {
            latest.add(year);
        }
        return latest;
    }

    /** Fills the latest years now, in this thread; answers the years filled. */
    public List<Integer> fillLatestYears(int years) {
        List<Integer> filled = new ArrayList<>();
        try {
            for (int year : latestYears(years)) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                summaries.ensureFilled(year);
                filled.add(year);
            }
            log.info("statistics: years {} filled in the background", filled);
        } catch (RuntimeException failed) {
            log.warn("statistics: the background fill stopped after years {}: {}", filled, failed.toString());
        }
        return filled;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
