package vn.tuquan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanApplication;
import vn.tuquan.order.OrderFacts;
import vn.tuquan.order.UnitFacts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Prints the time to compute the facts of every unit of a province (Nam Định: 10 districts, 226
 * communes, 6,000 residential areas) holding 500,000 incidents in the 2023 period and 250,000 in the
 * period before, with 5,000 drug users and 20,000 mediations. Run with {@code bench/order-facts}.
 */
public final class OrderFactsBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2022, 10, 1);
    static final int YEAR = 2023;
    static final Path LIST = Path.of("..", "shared", "data", "admin-units", "pre2025", "nam_dinh_36_2022-10.csv");

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int areasCount = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dataDir = Files.createTempDirectory("tuquan-bench-order-facts");
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                app.run("--tuquan.data-directory=" + dataDir, "--logging.level.root=WARN")) {
            OfficialLists lists = context.getBean(OfficialLists.class);
            Units units = context.getBean(Units.class);
            LocalUnits localUnits = context.getBean(LocalUnits.class);
            OrderFacts facts = context.getBean(OrderFacts.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            lists.importFiles(Caller.SYSTEM, List.of(LIST), AS_OF, Optional.empty());
            UnitView province =
                    units.findByCode(Scope.WHOLE_COUNTRY, "36", AS_OF).orElseThrow();
            List<UnitView> communes = units.subtree(
                            Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.COMMUNE), AS_OF, 1000, 0)
                    .units();
            List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
            for (int i = 0; i < areasCount; i++) {
                forms.add(new SimpleEntry<>(
                        communes.get(i % communes.size()).id(),
                        new LocalUnitForm(
                                UnitKind.RESIDENTIAL_AREA,
                                "THON",
                                "ND-T" + i,
                                "Thôn " + (i / communes.size() + 1),
                                null)));
            }
            List<Long> areaIds = localUnits.createAll(Caller.SYSTEM, forms, AS_OF);
            List<Long> places = new ArrayList<>(areaIds);
            communes.forEach(c -> places.add(c.id()));
            System.out.printf("residential_areas=%d communes=%d%n", areaIds.size(), communes.size());

            long t0 = System.nanoTime();
            // the residential areas' 2023 period starts on 01/11/2022 in Vietnam; the one before a year earlier
            OffsetDateTime start = OffsetDateTime.of(YEAR - 1, 11, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
            // incidents spread over two periods (a third in the previous one), skewed to a quarter of the places
            jdbc.sql("""
                    INSERT INTO incident (unit_id, category_code, severity, occurred_at, reported_at, status, source, created_by)
                    SELECT p.ids[1 + (g * 7919) % (CASE WHEN g % 3 = 0 THEN cardinality(p.ids) ELSE cardinality(p.ids) / 4 END)],
                           c.codes[1 + g % cardinality(c.codes)],
                           CASE WHEN c.codes[1 + g % cardinality(c.codes)] LIKE 'CRIME%' THEN
                                (ARRAY['LESS_SERIOUS','SERIOUS','VERY_SERIOUS','ESPECIALLY_SERIOUS'])[1 + g % 4] END,
                           :start + make_interval(secs => (g * 104729) % (365 * 86400) - CASE WHEN g > :n0 THEN 365 * 86400 ELSE 0 END),
                           :start + make_interval(secs => (g * 104729) % (365 * 86400) - CASE WHEN g > :n0 THEN 365 * 86400 ELSE 0 END + 3600),
                           'REPORTED', 'PATROL', 'bench'
                      FROM generate_series(CAST(1 AS bigint), :n) g,
                           (SELECT CAST(:ids AS bigint[]) AS ids) p,
                           (SELECT array_agg(code ORDER BY code) AS codes FROM incident_category) c""")
                    .param("start", start)
                    .param("n", incidents * 3 / 2)
                    .param("n0", incidents)
                    .param("ids", places.toArray(Long[]::new))
                    .update();
            jdbc.sql("""
                    INSERT INTO drug_user (residence_unit_id, detected_on, status, status_since, full_name_enc, recorded_by)
                    SELECT (CAST(:ids AS bigint[]))[1 + (g * 104729) % :areas], DATE '2021-01-01' + CAST(g % 1000 AS integer),
                           'NEW', DATE '2021-01-01' + CAST(g % 1000 AS integer), 'bench', 'bench'
                      FROM generate_series(CAST(1 AS bigint), 5000) g""")
                    .param("ids", areaIds.toArray(Long[]::new))
                    .param("areas", areaIds.size())
                    .update();
            jdbc.sql("""
                    INSERT INTO drug_user_status (drug_user_id, status, since, recorded_by)
                    SELECT id, 'NEW', detected_on, 'bench' FROM drug_user""").update();
            jdbc.sql("""
                    INSERT INTO mediation (unit_id, held_on, parties_enc, subject, outcome, mediator, recorded_by)
                    SELECT (CAST(:ids AS bigint[]))[1 + (g * 7919) % :areas], DATE '2022-01-01' + CAST(g % 700 AS integer),
                           'bench', 'Tranh chấp', CASE WHEN g % 5 = 0 THEN 'NOT_RECONCILED' ELSE 'RECONCILED' END, 'Tổ hòa giải', 'bench'
                      FROM generate_series(CAST(1 AS bigint), 20000) g""")
                    .param("ids", areaIds.toArray(Long[]::new))
                    .param("areas", areaIds.size())
                    .update();
            jdbc.sql("ANALYZE incident").update();
            jdbc.sql("ANALYZE drug_user").update();
            // a running server's autovacuum soon marks the loaded pages all-visible (index-only scans
            // need it); the application's role may not VACUUM, so wait for autovacuum, at most 2 minutes
            long waited = System.nanoTime();
            while (System.nanoTime() - waited < 120_000_000_000L
                    && jdbc.sql("""
                    SELECT coalesce(last_autovacuum, last_vacuum) IS NULL FROM pg_stat_user_tables WHERE relname = 'incident'""").query(Boolean.class).single()) {
                Thread.sleep(1000);
            }
            System.out.printf("autovacuum_waited_ms=%d%n", (System.nanoTime() - waited) / 1_000_000);
            System.out.printf("incidents_inserted=%d ms=%d%n", incidents * 3 / 2, (System.nanoTime() - t0) / 1_000_000);

            jdbc
                    .sql("""
                    EXPLAIN (ANALYZE, BUFFERS) SELECT i.unit_id, i.category_code, i.severity, count(*)
                      FROM incident i WHERE i.unit_id = ANY (CAST(:ids AS bigint[])) AND NOT i.withdrawn
                       AND i.occurred_at >= :from AND i.occurred_at < :to GROUP BY 1, 2, 3""")
                    .param("ids", places.toArray(Long[]::new))
                    .param("from", start.minusYears(1))
                    .param("to", start.plusYears(1).plusDays(16))
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(line -> !line.contains("Index Cond"))
                    .forEach(line -> System.out.println("  plan: " + line));
            List<UnitFacts> all = facts.forSubtree(Scope.WHOLE_COUNTRY, province.id(), YEAR);
            System.out.printf(
                    "units=%d province_incidents_in_period=%d previous=%d crimes=%d new_drug_users=%d%n",
                    all.size(),
                    all.get(0).current().total(),
                    all.get(0).previous().total(),
                    all.get(0).current().crimes(),
                    all.get(0).current().newDrugUsers());
            OrderFacts.Headline headline = facts.headline(Scope.WHOLE_COUNTRY, province.id(), YEAR);
            System.out.println(headline);
            measure(
                    "facts_every_unit_of_province",
                    iterations,
                    () -> facts.forSubtree(Scope.WHOLE_COUNTRY, province.id(), YEAR));
            UnitView district =
                    units.children(Scope.WHOLE_COUNTRY, province.id(), AS_OF).get(0);
            measure(
                    "facts_every_unit_of_a_district",
                    iterations,
                    () -> facts.forSubtree(Scope.WHOLE_COUNTRY, district.id(), YEAR));
            measure(
                    "facts_one_commune",
                    iterations * 5,
                    () -> facts.forSubtree(Scope.WHOLE_COUNTRY, communes.get(7).id(), YEAR));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static void measure(String name, int iterations, Runnable query) {
        query.run(); // warm-up
        query.run();
        long[] micros = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            query.run();
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf(
                "%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
                name,
                iterations,
                micros[iterations / 2] / 1000.0,
                micros[(int) (iterations * 0.95)] / 1000.0,
                micros[iterations - 1] / 1000.0);
    }
}
