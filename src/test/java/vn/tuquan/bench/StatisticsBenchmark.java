package vn.tuquan.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tuquan.TuquanApplication;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.Households;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.OrderFacts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.db.EmbeddedPostgresServer;
import vn.tuquan.statistics.Figures;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.statistics.Statistics;
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.statistics.internal.SummaryStore;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The statistics' summaries on the generated country of {@link EvaluationBenchmark} (issue 16): the
 * fill of a year, the dashboards read from the summaries (country, a province, a commune), a ten-year
 * trend, {@code verify} of the country, the cost of keeping the summaries current on incident
 * recording and household writes (side by side with the same writes in a year not filled, where the
 * maintenance only takes its locks), and the storage per year; beside the floor measured in the same
 * run (one sequential scan of the fact tables, and one province's facts computed on the fly by
 * {@link OrderFacts#forSubtree}).
 *
 * <p>The generator's units are valid from 1 July 2025; so that ten years of trees exist, they are
 * made valid from 1 November 2016 (the other years' rows then exist with the households living there
 * and zero incidents: it measures the read). Run with {@code bench/statistics [scale] [dataDir]}.
 * Prints {@code name=value} lines; a data directory given is kept (and reused when generated: the
 * statistics' tables are emptied first, the writes of the earlier run stay); a third argument
 * {@code generate} stops after the generation.
 */
public final class StatisticsBenchmark {

    static final int YEAR = EvaluationBenchmark.YEAR;
    static final int FIRST_TREND_YEAR = YEAR - 9;
    static final int READS = 50;

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.05;
        Path dataDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tuquan-bench-statistics");
        boolean keep = args.length > 1;
        int writes = Integer.getInteger("bench.writes", 2_000);
        int importRows = Integer.getInteger("bench.importRows", 10_000);
        int areas = (int) Math.round(100_000 * scale);
        int organisations = (int) Math.round(50_000 * scale);
        long householdsCount = Math.round(27_000_000 * scale);
        long incidentsCount = Math.round(1_000_000 * scale);
        print("load_average_before", Files.readString(Path.of("/proc/loadavg")).strip());
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(
                "--tuquan.data-directory=" + dataDir,
                "--tuquan.statistics.recount-cron=-",
                "--logging.level.root=WARN",
                "--logging.level.vn.tuquan.statistics=" + System.getProperty("bench.log", "INFO"))) {
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            Statistics statistics = context.getBean(Statistics.class);
            Summaries summaries = context.getBean(Summaries.class);
            SummaryStore store = context.getBean(SummaryStore.class);
            Units units = context.getBean(Units.class);
            OrderFacts orderFacts = context.getBean(OrderFacts.class);
            Incidents incidents = context.getBean(Incidents.class);
            Households households = context.getBean(Households.class);
            HouseholdImports imports = context.getBean(HouseholdImports.class);
            try (Connection owner = server.connect(server.ownerUsername());
                    Statement sql = owner.createStatement()) {
                if (EvaluationBenchmark.count(sql, "SELECT count(*) FROM unit") == 0) {
                    long t0 = System.nanoTime();
                    EvaluationBenchmark.generate(sql, areas, organisations, householdsCount, incidentsCount);
                    // ten years of trees: the units stand from the 2017 period on
                    sql.execute("UPDATE unit_version SET valid_from = DATE '2016-11-01'");
                    sql.execute("VACUUM ANALYZE unit_version");
                    print("generated_ms", ms(t0));
                    if (args.length > 2 && args[2].equals("generate")) {
                        return;
                    }
                } else {
                    System.out.println("reused " + dataDir);
                    sql.execute("DELETE FROM statistics_commune_year");
                    sql.execute("DELETE FROM statistics_unit_year");
                    sql.execute("DELETE FROM statistics_year");
                }
                print("scale", scale);
                print("units", EvaluationBenchmark.count(sql, "SELECT count(*) FROM unit"));
                print("residential_areas", areas);
                print("organisations", organisations);
                print("households", EvaluationBenchmark.count(sql, "SELECT count(*) FROM household"));
                print("incidents", EvaluationBenchmark.count(sql, "SELECT count(*) FROM incident"));
                print(
                        "load_average_start",
                        Files.readString(Path.of("/proc/loadavg")).strip());

                // ---- the floor ----------------------------------------------------------------------
                sql.execute("SET max_parallel_workers_per_gather = 0");
                long floor = 0;
                for (int i = 0; i < 2; i++) {
                    long f0 = System.nanoTime();
                    for (String table : new String[] {"household", "household_residence", "commitment", "incident"}) {
                        EvaluationBenchmark.count(sql, "SELECT count(*) FROM " + table);
                    }
                    floor = ms(f0);
                }
                sql.execute("RESET max_parallel_workers_per_gather");
                print("floor_sequential_scans_ms", floor);
                List<UnitView> provinces = units.roots(Scope.WHOLE_COUNTRY, Statistics.treeOn(YEAR));
                UnitView province = provinces.get(provinces.size() / 2);
                UnitView commune = units.children(Scope.WHOLE_COUNTRY, province.id(), Statistics.treeOn(YEAR))
                        .get(0);
                print("province", province.id() + " " + province.path());
                print("commune", commune.id() + " " + commune.path());
                long[] onTheFly = new long[6];
                for (int i = 0; i < onTheFly.length; i++) {
                    long t = System.nanoTime();
                    orderFacts.forSubtree(Scope.WHOLE_COUNTRY, province.id(), YEAR);
                    onTheFly[i] = System.nanoTime() - t;
                }
                print(
                        "on_the_fly_facts_province_ms",
                        "first " + onTheFly[0] / 1_000_000 + " then p50 "
                                + p(Arrays.copyOfRange(onTheFly, 1, onTheFly.length), 50) / 1_000_000);

                // ---- the fill ----------------------------------------------------------------------
                long t0 = System.nanoTime();
                summaries.ensureFilled(YEAR);
                print("fill_ms", ms(t0));
                print("rows_per_year", EvaluationBenchmark.count(sql, "SELECT count(*) FROM statistics_unit_year"));
                long t1 = System.nanoTime();
                for (int year = FIRST_TREND_YEAR; year < YEAR; year++) {
                    summaries.ensureFilled(year);
                }
                print("fill_nine_more_years_ms", ms(t1));
                print("filled_years", summaries.filledYears());
                sql.execute("ANALYZE statistics_unit_year");

                // ---- dashboards ---------------------------------------------------------------------
                Figures country = sum(statistics, provinces);
                print(
                        "country_figures",
                        "households=" + country.get(Indicator.HOUSEHOLDS) + " incidents="
                                + country.get(Indicator.INCIDENTS));
                print("dashboard_country_store_ms", times(READS, () -> {
                    store.totals(YEAR, "/", store.byChild(YEAR, "/"));
                }));
                print("dashboard_country_34_provinces_ms", times(READS, () -> {
                    sum(statistics, provinces);
                }));
                print("dashboard_province_ms", times(READS, () -> {
                    statistics.figures(Caller.SYSTEM, province.id(), YEAR);
                    statistics.children(Caller.SYSTEM, province.id(), YEAR);
                }));
                print("dashboard_commune_ms", times(READS, () -> {
                    statistics.figures(Caller.SYSTEM, commune.id(), YEAR);
                    statistics.children(Caller.SYSTEM, commune.id(), YEAR);
                }));
                print("trend_province_10y_ms", times(READS, () -> {
                    statistics.trend(Caller.SYSTEM, province.id(), FIRST_TREND_YEAR, YEAR);
                }));
                print("trend_country_10y_store_ms", times(READS, () -> {
                    for (int year = FIRST_TREND_YEAR; year <= YEAR; year++) {
                        store.totals(year, "/");
                    }
                }));
                java.util.List<Integer> trendYears = java.util.stream.IntStream.rangeClosed(FIRST_TREND_YEAR, YEAR)
                        .boxed()
                        .toList();
                print("trend_country_10y_store_batched_ms", times(READS, () -> {
                    store.totals(trendYears, "/");
                }));
                print("trend_country_10y_34_provinces_ms", times(20, () -> {
                    for (UnitView p : provinces) {
                        statistics.trend(Caller.SYSTEM, p.id(), FIRST_TREND_YEAR, YEAR);
                    }
                }));

                // ---- maintenance: the same writes in a year not filled and in the filled year, alternately
                List<IncidentCategory> categories =
                        incidents.categories().stream().filter(c -> !c.group()).toList();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
                OffsetDateTime inYear = OffsetDateTime.of(YEAR, 6, 15, 8, 0, 0, 0, ZoneOffset.ofHours(7));
                int notFilledYear = Statistics.currentYear();
                print("maintenance_years", "not_filled=" + notFilledYear + " filled=" + YEAR);
                long[][] incidentTimes = new long[2][writes];
                for (int i = -100; i < writes; i++) {
                    for (int filled = 0; filled < 2; filled++) {
                        int k = Math.abs(i) * 2 + filled;
                        IncidentCategory category = categories.get(k % categories.size());
                        List<String> severities = category.kind().severities();
                        OffsetDateTime at = (filled == 1 ? inYear : now).minusSeconds(k);
                        IncidentForm form = new IncidentForm(
                                10_001L + (k * 7_919L) % areas,
                                category.code(),
                                severities.isEmpty() ? null : severities.get(k % severities.size()),
                                category.kind().hasSubjectiveCause() ? k % 3 == 0 : null,
                                at,
                                at,
                                "PATROL",
                                null,
                                null,
                                "bench");
                        long t = System.nanoTime();
                        incidents.record(Caller.SYSTEM, form);
                        if (i >= 0) {
                            incidentTimes[filled][i] = System.nanoTime() - t;
                        }
                    }
                }
                ratios("incident_record", incidentTimes);
                // codes of this run (a data directory is reused: earlier runs' codes stay in their areas)
                String runTag = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
                long[][] householdTimes = new long[2][writes / 2];
                LocalDate today = Dates.today(); // Vietnam's day: in the period after the filled one, never filled
                LocalDate inYearDay = LocalDate.of(YEAR, 6, 1);
                for (int i = -50; i < writes / 2; i++) {
                    for (int filled = 0; filled < 2; filled++) {
                        int k = (i + 50) * 2 + filled;
                        long t = System.nanoTime();
                        households.add(
                                Caller.SYSTEM,
                                10_001L + (k * 7_919L) % areas,
                                new HouseholdForm("BH" + runTag + "-" + k, "Hộ bench " + k, null, 1 + k % 6, false),
                                filled == 1 ? inYearDay : today);
                        if (i >= 0) {
                            householdTimes[filled][i] = System.nanoTime() - t;
                        }
                    }
                }
                ratios("household_add", householdTimes);
                List<UnitView> provinceAreas = units.subtreeWithRoot(
                        Scope.WHOLE_COUNTRY,
                        province.id(),
                        java.util.Set.of(vn.tuquan.units.UnitKind.RESIDENTIAL_AREA),
                        inYearDay);
                long[][] importTimes = new long[2][3];
                for (int run = -1; run < 3; run++) {
                    for (int filled = 0; filled < 2; filled++) {
                        StringBuilder csv = new StringBuilder("area,code,head_name,address,members,catholic\n");
                        for (int r = 0; r < importRows; r++) {
                            csv.append(provinceAreas
                                            .get(r % provinceAreas.size())
                                            .id())
                                    .append(",BI")
                                    .append(runTag)
                                    .append('-')
                                    .append(run + 1)
                                    .append('-')
                                    .append(filled)
                                    .append('-')
                                    .append(r)
                                    .append(",Hộ nhập ")
                                    .append(r)
                                    .append(",,")
                                    .append(1 + r % 6)
                                    .append(",\n");
                        }
                        long t = System.nanoTime();
                        imports.importCsv(
                                Caller.SYSTEM,
                                province.id(),
                                "bench.csv",
                                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                                filled == 1 ? inYearDay : today);
                        if (run >= 0) {
                            importTimes[filled][run] = System.nanoTime() - t;
                        }
                    }
                }
                print("household_import_rows", importRows + " into province " + province.id());
                print(
                        "household_import_not_filled_ms",
                        Arrays.toString(Arrays.stream(importTimes[0])
                                .map(n -> n / 1_000_000)
                                .toArray()));
                print(
                        "household_import_filled_ms",
                        Arrays.toString(Arrays.stream(importTimes[1])
                                .map(n -> n / 1_000_000)
                                .toArray()));
                print(
                        "household_import_ratio_p50",
                        String.format(
                                Locale.ROOT,
                                "%.2f",
                                (double) p(importTimes[1], 50) / Math.max(1, p(importTimes[0], 50))));

                // ---- verify of the country (every filled year) ----------------------------------------
                sql.execute("ANALYZE");
                long y0 = System.nanoTime();
                Summaries.Verification oneYear = summaries.verify(null, List.of(YEAR), false);
                print(
                        "verify_one_year_ms",
                        ms(y0) + " (" + oneYear.rows() + " rows, "
                                + oneYear.drifts().size() + " drifted)");
                long v0 = System.nanoTime();
                Summaries.Verification verification = summaries.verify(null, false);
                long verifyMs = ms(v0);
                print("verify_ms", verifyMs);
                print("verify_years", verification.years().size());
                print("verify_rows", verification.rows());
                print(
                        "verify_ms_per_year",
                        verifyMs / Math.max(1, verification.years().size()));
                print("verify_drifted", verification.drifts().size());
                verification.drifts().stream().limit(5).forEach(d -> print("  drift", d));

                // ---- storage -------------------------------------------------------------------------
                long bytes = EvaluationBenchmark.count(sql, "SELECT pg_total_relation_size('statistics_unit_year')");
                int years = summaries.filledYears().size();
                print("storage_bytes", bytes);
                print(
                        "storage_mb_per_year",
                        String.format(Locale.ROOT, "%.2f", bytes / 1048576.0 / Math.max(1, years)));
                try (ResultSet rs = sql.executeQuery(
                        "SELECT pg_relation_size('statistics_unit_year'), pg_indexes_size('statistics_unit_year')")) {
                    rs.next();
                    print("storage_heap_index_bytes", rs.getLong(1) + " " + rs.getLong(2));
                }
                long rollups =
                        EvaluationBenchmark.count(sql, "SELECT pg_total_relation_size('statistics_commune_year')");
                print("storage_rollups_bytes", rollups);
                print(
                        "storage_rollups_mb_per_year",
                        String.format(Locale.ROOT, "%.2f", rollups / 1048576.0 / Math.max(1, years)));
                print(
                        "load_average_after",
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        } finally {
            if (!keep) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            }
        }
    }

    /** The country's figures as the sum of its provinces' (a facade read of each). */
    static Figures sum(Statistics statistics, List<UnitView> provinces) {
        Map<Indicator, Long> total = new java.util.EnumMap<>(Indicator.class);
        for (UnitView p : provinces) {
            statistics.figures(Caller.SYSTEM, p.id(), YEAR).values().forEach((i, v) -> total.merge(i, v, Long::sum));
            statistics.children(Caller.SYSTEM, p.id(), YEAR);
        }
        return new Figures(0, YEAR, total);
    }

    static void ratios(String name, long[][] times) {
        print(name + "_not_filled_ms", summary(times[0]));
        print(name + "_filled_ms", summary(times[1]));
        print(
                name + "_ratio",
                String.format(
                        Locale.ROOT,
                        "p50 %.2f p99 %.2f",
                        (double) p(times[1], 50) / Math.max(1, p(times[0], 50)),
                        (double) p(times[1], 99) / Math.max(1, p(times[0], 99))));
    }

    /** Runs the read a few times to warm up, then times it; p50/p95/max in ms. */
    static String times(int runs, Runnable read) {
        for (int i = 0; i < 3; i++) {
            read.run();
        }
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            read.run();
            ns[i] = System.nanoTime() - t;
        }
        return summary(ns);
    }

    static String summary(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.1f p95 %.1f p99 %.1f max %.1f (n=%d)",
                pct(sorted, 50) / 1e6,
                pct(sorted, 95) / 1e6,
                pct(sorted, 99) / 1e6,
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    /** A percentile, in ns. */
    static long p(long[] ns, int percentile) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return pct(sorted, percentile);
    }

    static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
