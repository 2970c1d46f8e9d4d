package vn.tuquan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tuquan.TuquanApplication;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.RunSummary;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.db.EmbeddedPostgresServer;

/**
 * The yearly evaluation's bulk run for a whole country (issue 7). Generates into a fresh embedded
 * PostgreSQL, in the database (generate_series, as the owner role), a country after the 2025 reform:
 * 34 provinces, 3,321 communes, 100,000 residential areas, 50,000 organisations (agencies,
 * enterprises, schools; their staff records), 27 million households living in the areas with their
 * stays, registered for 2026 but for one in 25 households in one area in ten, a movement model assessed effective per commune and
 * 1 million incidents in the 2026 period (in a quarter of the areas and in organisations); then VACUUM ANALYZE. It times one plain sequential scan of
 * the fact tables (the floor), then {@link EvaluationRuns#runCountry} for 2026 (under TT 48/2025,
 * V22's seeds), twice: a first run that inserts every verdict, a second that finds nothing changed.
 * Run with {@code bench/evaluation [scale] [dataDir]}: scale 1.0 is the country, 0.05 a twentieth
 * (the areas, organisations, households and incidents; the provinces and communes stay); a data
 * directory given and already generated is reused (the generation skipped) and kept; a third
 * argument {@code generate} stops after the generation.
 */
public final class EvaluationBenchmark {

    static final int YEAR = 2026;
    static final int PROVINCES = 34;
    static final int COMMUNES = 3_321;

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path dataDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tuquan-bench-evaluation");
        boolean keep = args.length > 1;
        boolean generateOnly = args.length > 2 && args[2].equals("generate");
        int areas = (int) Math.round(100_000 * scale);
        int organisations = (int) Math.round(50_000 * scale);
        long households = Math.round(27_000_000 * scale);
        long incidents = Math.round(1_000_000 * scale);
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(
                "--tuquan.data-directory=" + dataDir,
                "--logging.level.root=WARN",
                "--logging.level.vn.tuquan.evaluation=" + System.getProperty("bench.log", "INFO"))) {
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            EvaluationRuns runs = context.getBean(EvaluationRuns.class);
            try (Connection owner = server.connect(server.ownerUsername());
                    Statement sql = owner.createStatement()) {
                if (count(sql, "SELECT count(*) FROM unit") == 0) {
                    long t0 = System.nanoTime();
                    generate(sql, areas, organisations, households, incidents);
                    System.out.printf("generated ms=%d%n", (System.nanoTime() - t0) / 1_000_000);
                } else {
                    System.out.println("reused " + dataDir);
                }
                if (generateOnly) {
                    return;
                }
                if (args.length > 2 && args[2].startsWith("explain")) {
                    // the plan of the households' one pass (Commitments.everyAreaRate's query), after the SETs given
                    for (int i = 3; i < args.length; i++) {
                        sql.execute("SET " + args[i]);
                    }
                    try (ResultSet rs = sql.executeQuery("""
                            EXPLAIN (ANALYZE, BUFFERS) SELECT r.area_id, count(*), count(c.household_id),
                                   count(*) FILTER (WHERE c.signed)
                              FROM household_residence r
                              LEFT JOIN commitment c ON c.household_id = r.household_id AND c.period_year = %1$d
                             WHERE r.valid_from <= DATE '%1$d-10-31' AND (r.valid_to IS NULL OR r.valid_to > DATE '%1$d-10-31')
                             GROUP BY r.area_id""".formatted(YEAR))) {
                        while (rs.next()) {
                            System.out.println("  plan: " + rs.getString(1));
                        }
                    }
                    return;
                }
                System.out.printf(
                        Locale.ROOT,
                        "provinces=%d communes=%d residential_areas=%d organisations=%d households=%d"
                                + " stays=%d commitments=%d incidents=%d%n",
                        count(sql, "SELECT count(*) FROM unit_version WHERE kind = 'PROVINCE'"),
                        count(sql, "SELECT count(*) FROM unit_version WHERE kind = 'COMMUNE'"),
                        count(sql, "SELECT count(*) FROM unit_version WHERE kind = 'RESIDENTIAL_AREA'"),
                        count(
                                sql,
                                "SELECT count(*) FROM unit_version WHERE kind IN ('AGENCY', 'ENTERPRISE', 'SCHOOL')"),
                        count(sql, "SELECT count(*) FROM household"),
                        count(sql, "SELECT count(*) FROM household_residence"),
                        count(sql, "SELECT count(*) FROM commitment"),
                        count(sql, "SELECT count(*) FROM incident"));
                System.out.printf(
                        "load_average=%s%n",
                        Files.readString(Path.of("/proc/loadavg")).strip());
                // a reused directory keeps the verdicts of an earlier run: the first run below inserts them all again
                System.out.printf(
                        "earlier_verdicts_removed=%d%n",
                        sql.executeUpdate("DELETE FROM evaluation WHERE year = " + YEAR));
                sql.execute("VACUUM evaluation");
                // the floor: one plain sequential scan of each fact table
                sql.execute("SET max_parallel_workers_per_gather = 0");
                for (int i = 0; i < 2; i++) {
                    long f0 = System.nanoTime();
                    for (String table : new String[] {"household", "household_residence", "commitment", "incident"}) {
                        long t = System.nanoTime();
                        count(sql, "SELECT count(*) FROM " + table);
                        System.out.printf("  seq_scan %s ms=%d%n", table, (System.nanoTime() - t) / 1_000_000);
                    }
                    System.out.printf("floor_sequential_scans_ms=%d%n", (System.nanoTime() - f0) / 1_000_000);
                }
                sql.execute("RESET max_parallel_workers_per_gather");
                for (String what : new String[] {"first_run", "second_run"}) {
                    System.gc();
                    long t0 = System.nanoTime();
                    RunSummary summary = runs.runCountry(Caller.SYSTEM, YEAR);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf(
                            "%s ms=%d heap_used_mb=%d max_heap_mb=%d %s%n",
                            what, ms, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, summary);
                    System.out.printf(
                            "load_average=%s%n",
                            Files.readString(Path.of("/proc/loadavg")).strip());
                }
                try (ResultSet rs =
                        sql.executeQuery("SELECT avg(pg_column_size(facts))::int, avg(pg_column_size(outcomes))::int,"
                                + " avg(length(facts::text))::int, avg(length(outcomes::text))::int FROM evaluation")) {
                    rs.next();
                    System.out.printf(
                            "stored_json_bytes facts=%d outcomes=%d (text: %d, %d)%n",
                            rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
                }
                try (ResultSet rs =
                        sql.executeQuery("SELECT unit_kind, proposed, count(*) FROM evaluation WHERE year = " + YEAR
                                + " GROUP BY 1, 2 ORDER BY 1, 2")) {
                    while (rs.next()) {
                        System.out.printf("  %s %s %d%n", rs.getString(1), rs.getString(2), rs.getLong(3));
                    }
                }
            }
        } finally {
            if (!keep) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            }
        }
    }

    static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void step(Statement sql, String name, String statement) throws Exception {
        long t = System.nanoTime();
        sql.execute(statement);
        System.out.printf("  %s ms=%d%n", name, (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * Units with ids chosen here: provinces 1–34, communes from 101, residential areas from 10,001,
     * organisations from 1,000,001; each a contiguous run under its parent. Households are numbered
     * area by area, as an import would.
     */
    static void generate(Statement sql, int areas, int organisations, long households, long incidents)
            throws Exception {
        sql.execute("SET synchronous_commit = off");
        sql.execute("SET maintenance_work_mem = '512MB'");
        String validFrom = "DATE '2025-07-01'";
        step(sql, "units", """
                INSERT INTO unit (id, kind) OVERRIDING SYSTEM VALUE
                SELECT p, 'PROVINCE' FROM generate_series(1, %1$d) p
                UNION ALL SELECT 100 + c, 'COMMUNE' FROM generate_series(1, %2$d) c
                UNION ALL SELECT 10000 + a, 'RESIDENTIAL_AREA' FROM generate_series(1, %3$d) a
                UNION ALL SELECT 1000000 + o, (ARRAY['AGENCY', 'ENTERPRISE', 'SCHOOL'])[1 + o %% 3]
                  FROM generate_series(1, %4$d) o;
                SELECT setval(pg_get_serial_sequence('unit', 'id'), 2000000);
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, parent_id, path, level, valid_from, change)
                SELECT p, 'PROVINCE', NULL, lpad(p::text, 2, '0'), 'Tỉnh ' || p, NULL, '/' || p || '/', 1, %5$s, 'CREATED'
                  FROM generate_series(1, %1$d) p;
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, parent_id, path, level, valid_from, change)
                SELECT 100 + c, 'COMMUNE', 'XA', lpad(c::text, 5, '0'), 'Xã ' || c, x.p, '/' || x.p || '/' || (100 + c) || '/', 2,
                       %5$s, 'CREATED'
                  FROM generate_series(1, %2$d) c, LATERAL (SELECT 1 + ((c - 1) * %1$d) / %2$d AS p) x;
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, parent_id, path, level, valid_from, change)
                SELECT 10000 + a, 'RESIDENTIAL_AREA', 'THON', 'T' || a, 'Thôn ' || a, x.c,
                       '/' || (1 + ((x.c - 101) * %1$d) / %2$d) || '/' || x.c || '/' || (10000 + a) || '/', 3, %5$s, 'CREATED'
                  FROM generate_series(1, %3$d) a, LATERAL (SELECT 101 + ((a - 1) * %2$d) / %3$d AS c) x;
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, parent_id, path, level, valid_from, change,
                                          staff_count, has_party_organisation)
                SELECT 1000000 + o, (ARRAY['AGENCY', 'ENTERPRISE', 'SCHOOL'])[1 + o %% 3], NULL, 'O' || o, 'Cơ quan ' || o, x.c,
                       '/' || (1 + ((x.c - 101) * %1$d) / %2$d) || '/' || x.c || '/' || (1000000 + o) || '/', 3, %5$s, 'CREATED',
                       20 + o %% 200, true
                  FROM generate_series(1, %4$d) o, LATERAL (SELECT 101 + ((o - 1) * %2$d) / %4$d AS c) x;
                INSERT INTO organisation_commitment (unit_id, period_year, staff_total, staff_briefed, staff_signed, recorded_on)
                SELECT 1000000 + o, %6$d, 20 + o %% 200, 20 + o %% 200 - CASE WHEN o %% 25 = 0 THEN 1 ELSE 0 END,
                       20 + o %% 200, make_date(%6$d, 3, 1)
                  FROM generate_series(1, %4$d) o;
                """.formatted(PROVINCES, COMMUNES, areas, organisations, validFrom, YEAR));
        step(sql, "models", """
                INSERT INTO movement_model (unit_id, type_code, name, started_on)
                SELECT 100 + c, 'PEOPLES_SECURITY_TEAM', 'Tổ an ninh nhân dân', DATE '2020-01-01' FROM generate_series(1, %d) c;
                INSERT INTO model_assessment (model_id, year, effective, reason)
                SELECT id, %d, unit_id %% 10 <> 0, 'bench' FROM movement_model;
                """.formatted(COMMUNES, YEAR));
        // households area by area (ids ascending), in slices so each statement stays moderate
        sql.execute("ALTER TABLE household_residence DISABLE TRIGGER USER");
        sql.execute("ALTER TABLE household DISABLE TRIGGER USER");
        long t = System.nanoTime();
        long slice = 1_000_000;
        for (long from = 1; from <= households; from += slice) {
            long to = Math.min(households, from + slice - 1);
            sql.execute("""
                    INSERT INTO household (id, head_name, members) SELECT g, 'Hộ ' || g, 1 + g %% 6 FROM generate_series(CAST(%1$d AS bigint), %2$d) g;
                    INSERT INTO household_residence (household_id, area_id, code, valid_from)
                    SELECT g, 10001 + ((g - 1) * %3$d) / %4$d, 'H' || g, DATE '2020-01-01' FROM generate_series(CAST(%1$d AS bigint), %2$d) g;
                    INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage, self_prevent,
                                            self_protect, recorded_by)
                    SELECT g, %5$d, make_date(%5$d, 2, 1), true, true, true, true, 'bench'
                      FROM generate_series(CAST(%1$d AS bigint), %2$d) g
                     WHERE NOT (g %% 25 = 0 AND ((g - 1) * %3$d / %4$d) %% 10 = 0);
                    """.formatted(from, to, areas, households, YEAR));
        }
        sql.execute("SELECT setval(pg_get_serial_sequence('household', 'id'), " + (households + 1) + ")");
        sql.execute("ALTER TABLE household_residence ENABLE TRIGGER USER");
        sql.execute("ALTER TABLE household ENABLE TRIGGER USER");
        System.out.printf("  households ms=%d%n", (System.nanoTime() - t) / 1_000_000);
        // incidents spread over the 2026 period of the residential areas (01/11/2025 – 31/10/2026, Vietnam),
        // nine in ten in residential areas, the others in organisations; leaf categories; crimes of a class
        step(sql, "incidents", """
                INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at, status,
                                      source, created_by)
                SELECT CASE WHEN g %% 10 = 0 THEN 1000001 + (g * 7919) %% %2$d ELSE 10001 + (g * 104729) %% (%1$d / 4) END,
                       x.code,
                       CASE WHEN x.kind IN ('CRIME') THEN (ARRAY['LESS_SERIOUS','SERIOUS','VERY_SERIOUS','ESPECIALLY_SERIOUS'])[1 + g %% 4]
                            WHEN x.kind IN ('FIRE', 'TRAFFIC_ACCIDENT', 'LABOUR_ACCIDENT') AND g %% 7 = 0 THEN 'SERIOUS' END,
                       CASE WHEN x.kind IN ('FIRE', 'TRAFFIC_ACCIDENT', 'LABOUR_ACCIDENT') THEN g %% 3 = 0 END,
                       TIMESTAMPTZ '2025-11-01 00:00+07' + make_interval(secs => (g * 104729) %% (365 * 86400)),
                       TIMESTAMPTZ '2025-11-01 01:00+07' + make_interval(secs => (g * 104729) %% (365 * 86400)),
                       'REPORTED', 'PATROL', 'bench'
                  FROM generate_series(CAST(1 AS bigint), %3$d) g,
                       LATERAL (SELECT c.codes[1 + g %% cardinality(c.codes)] AS code, c.kinds[1 + g %% cardinality(c.codes)] AS kind
                                  FROM (SELECT array_agg(code ORDER BY code) AS codes, array_agg(kind ORDER BY code) AS kinds
                                          FROM incident_category WHERE parent_code IS NOT NULL) c) x
                """.formatted(areas, organisations, incidents));
        sql.execute("RESET synchronous_commit");
        step(sql, "vacuum_analyze", "VACUUM ANALYZE");
    }
}
