package vn.tuquan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.TuquanApplication;
import vn.tuquan.audit.AuditAction;
import vn.tuquan.audit.AuditEntry;
import vn.tuquan.audit.AuditLog;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Prints how long a search of the audit log takes with many entries (100,000 by default): the
 * demo's Nam Định, entries about its units picked at random (one in ten about no unit), read by the
 * whole country's administrator, by a reader of the province (most entries are theirs) and by a
 * reader of one commune, Xã Hải Minh (few are theirs), newest first: the first page, the tenth, and
 * a search that matches nothing (the worst case: every entry looked at). Run with {@code bench/audit}.
 */
public final class AuditSearchBenchmark {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dataDir = Files.createTempDirectory("tuquan-bench-audit");
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("demo");
        try (ConfigurableApplicationContext context =
                app.run("--tuquan.data-directory=" + dataDir, "--logging.level.root=WARN")) {
            Units units = context.getBean(Units.class);
            AuditLog log = context.getBean(AuditLog.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate transactions =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            var today = Dates.today();
            UnitView province =
                    units.findByCode(Scope.WHOLE_COUNTRY, "36", today).orElseThrow();
            UnitView haiMinh =
                    units.findByCode(Scope.WHOLE_COUNTRY, "14233", today).orElseThrow();
            List<Long> unitIds = new ArrayList<>(List.of(province.id()));
            units.subtree(Scope.WHOLE_COUNTRY, province.id(), Set.of(), today, 1_000_000, 0)
                    .units()
                    .forEach(u -> unitIds.add(u.id()));
            long inHaiMinh = unitIds.stream()
                    .filter(id -> units.contains(Scope.of(Set.of(haiMinh.id())), id, today))
                    .count();

            Random random = new Random(13);
            long t0 = System.nanoTime();
            int written = 0;
            while (written < entries) {
                int batch = Math.min(1000, entries - written);
                int from = written;
                transactions.executeWithoutResult(status -> {
                    for (int i = 0; i < batch; i++) {
                        Long unit = random.nextInt(10) == 0 ? null : unitIds.get(random.nextInt(unitIds.size()));
                        log.recordFor(
                                "bench",
                                new AuditEntry(
                                        AuditAction.UPDATED,
                                        "bench",
                                        "probe",
                                        Integer.toString(from + i),
                                        unit,
                                        null,
                                        Map.of("n", from + i)));
                    }
                });
                written += batch;
            }
            jdbc.sql("ANALYZE").update();
            System.out.printf(
                    "entries=%d units_of_the_province=%d units_in_hai_minh=%d written_ms=%d%n",
                    entries, unitIds.size(), inHaiMinh, (System.nanoTime() - t0) / 1_000_000);

            Caller admin =
                    new Caller(1, "admin", EnumSet.of(Permission.AUDIT_READ), Scope.WHOLE_COUNTRY, Scope.WHOLE_COUNTRY);
            Caller provinceReader = new Caller(
                    2,
                    "tinh",
                    EnumSet.of(Permission.AUDIT_READ),
                    Scope.of(Set.of(province.id())),
                    Scope.of(Set.of(province.id())));
            Caller communeReader = new Caller(
                    3,
                    "xa",
                    EnumSet.of(Permission.AUDIT_READ),
                    Scope.of(Set.of(haiMinh.id())),
                    Scope.of(Set.of(haiMinh.id())));
            AuditLog.Search all = new AuditLog.Search(null, null, "bench", null, null);
            AuditLog.Search nothing = new AuditLog.Search("nobody", null, null, null, null);
            for (var reader : List.of(
                    Map.entry("whole_country", admin),
                    Map.entry("province", provinceReader),
                    Map.entry("commune", communeReader))) {
                Caller caller = reader.getValue();
                measure(
                        reader.getKey() + "_page_1",
                        iterations,
                        () -> log.search(caller, all, 0).entries().size());
                measure(
                        reader.getKey() + "_page_10",
                        iterations,
                        () -> log.search(caller, all, 9).entries().size());
                measure(
                        reader.getKey() + "_no_match",
                        iterations,
                        () -> log.search(caller, nothing, 0).entries().size());
            }
        }
    }

    private static void measure(String name, int iterations, Supplier<Integer> search) {
        int found = search.get(); // warm-up
        long[] micros = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            search.get();
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf(
                "%s: entries_on_page=%d n=%d p50=%.1f ms max=%.1f ms%n",
                name, found, iterations, micros[iterations / 2] / 1000.0, micros[iterations - 1] / 1000.0);
    }
}
