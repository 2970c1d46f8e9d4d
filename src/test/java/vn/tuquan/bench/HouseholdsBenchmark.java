package vn.tuquan.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanApplication;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.RegistrationRate;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Prints: the time to import a generated CSV of 1,000,000 households (rows/s) into the residential
 * areas of Nam Định, then the time to compute the registration rate of every residential area of
 * the province (1,000,000 households) and of the districts holding about 600,000 of them. Run with
 * {@code bench/households}.
 */
public final class HouseholdsBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2022, 10, 1);
    static final LocalDate MOVED_IN = LocalDate.of(2022, 10, 15);
    static final int YEAR = 2023;
    static final Path LIST = Path.of("..", "shared", "data", "admin-units", "pre2025", "nam_dinh_36_2022-10.csv");
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Đinh"};
    static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Ngọc", "Quang", "Thu", "Hữu"};
    static final String[] GIVEN = {
        "An", "Bình", "Cúc", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn",
        "Thảo", "Tuấn", "Yến"
    };

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int areasCount = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean importOnly = args.length > 3 && args[3].equals("import-only");
        Path dataDir = Files.createTempDirectory("tuquan-bench-households");
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(
                "--tuquan.data-directory=" + dataDir,
                "--logging.level.root=WARN",
                "--logging.level.vn.tuquan.households=DEBUG")) {
            OfficialLists lists = context.getBean(OfficialLists.class);
            Units units = context.getBean(Units.class);
            LocalUnits localUnits = context.getBean(LocalUnits.class);
            HouseholdImports imports = context.getBean(HouseholdImports.class);
            Commitments commitments = context.getBean(Commitments.class);
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
            System.out.printf("residential_areas=%d communes=%d%n", areaIds.size(), communes.size());

            Path csv = Files.createTempFile(dataDir, "households", ".csv");
            Random random = new Random(36);
            write(csv, total, areasCount, "H", communes.size(), random);
            System.out.printf("csv_rows=%d csv_mb=%.1f%n", total, Files.size(csv) / 1e6);

            // A server that has run for a while has its import code compiled: a first import of 200,000
            // households (printed, then removed) before the one measured.
            Path warmUp = Files.createTempFile(dataDir, "warm-up", ".csv");
            write(warmUp, 200_000, areasCount, "W", communes.size(), new Random(7));
            long w0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(warmUp)) {
                int n = imports.importCsv(Caller.SYSTEM, province.id(), "warm-up.csv", in, MOVED_IN);
                long wms = (System.nanoTime() - w0) / 1_000_000;
                System.out.printf(
                        "first_import_cold_jvm=%d ms=%d rows_per_s=%d%n", n, wms, n * 1000L / Math.max(1, wms));
            }
            jdbc.sql("DELETE FROM household_residence WHERE code LIKE 'W%'").update();
            jdbc.sql(
                            "DELETE FROM household h WHERE NOT EXISTS (SELECT 1 FROM household_residence r WHERE r.household_id = h.id)")
                    .update();

            String walBefore = jdbc.sql("SELECT pg_current_wal_lsn()::text")
                    .query(String.class)
                    .single();
            long t0 = System.nanoTime();
            int imported;
            try (InputStream in = Files.newInputStream(csv)) {
                imported = imports.importCsv(Caller.SYSTEM, province.id(), "households.csv", in, MOVED_IN);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(
                    "import_households=%d ms=%d rows_per_s=%d%n", imported, ms, imported * 1000L / Math.max(1, ms));
            System.out.printf(
                    "import_wal_mb=%d%n",
                    jdbc.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), CAST(:before AS pg_lsn))")
                                    .param("before", walBefore)
                                    .query(Long.class)
                                    .single()
                            / 1_000_000);

            if (importOnly) {
                return;
            }
            // 95% of households registered for 2023, the others not (set-based, not timed)
            t0 = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage, self_prevent,
                                            self_protect, recorded_by)
                    SELECT household_id, :year, DATE '2023-01-15', true, true, true, true, 'bench'
                      FROM household_residence WHERE household_id % 20 <> 0""").param("year", YEAR).update();
            jdbc.sql("ANALYZE household").update();
            jdbc.sql("ANALYZE household_residence").update();
            jdbc.sql("ANALYZE commitment").update();
            System.out.printf("commitments_inserted_ms=%d%n", (System.nanoTime() - t0) / 1_000_000);

            List<RegistrationRate> rates = commitments.rates(Scope.WHOLE_COUNTRY, province.id(), YEAR);
            long households =
                    rates.stream().mapToLong(RegistrationRate::residents).sum();
            long registered =
                    rates.stream().mapToLong(RegistrationRate::registered).sum();
            System.out.printf("province_areas=%d households=%d registered=%d%n", rates.size(), households, registered);
            measure(
                    "rates_every_area_of_province_" + households,
                    iterations,
                    () -> commitments.rates(Scope.WHOLE_COUNTRY, province.id(), YEAR));

            // the districts that together hold about 600,000 households
            List<UnitView> districts = units.children(Scope.WHOLE_COUNTRY, province.id(), AS_OF);
            List<Long> chosen = new ArrayList<>();
            long held = 0;
            for (UnitView district : districts) {
                if (held >= 600_000) {
                    break;
                }
                long n = commitments.rates(Scope.WHOLE_COUNTRY, district.id(), YEAR).stream()
                        .mapToLong(RegistrationRate::residents)
                        .sum();
                chosen.add(district.id());
                held += n;
            }
            System.out.printf("districts=%d households=%d%n", chosen.size(), held);
            measure(
                    "rates_every_area_of_districts_" + held,
                    iterations,
                    () -> chosen.forEach(d -> commitments.rates(Scope.WHOLE_COUNTRY, d, YEAR)));
            measure(
                    "rate_one_area",
                    iterations * 10,
                    () -> commitments.registrationRate(
                            Scope.WHOLE_COUNTRY, areaIds.get(random.nextInt(areaIds.size())), YEAR));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** A CSV of generated households spread over the areas ND-T0 …, codes {@code prefix}1, {@code prefix}2 … */
    private static void write(Path csv, int rows, int areasCount, String prefix, int communes, Random random)
            throws java.io.IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("area,code,head_name,address,members,catholic\n");
            for (int i = 0; i < rows; i++) {
                int area = i % areasCount;
                String head = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                        + GIVEN[random.nextInt(GIVEN.length)];
                out.write("ND-T" + area + "," + prefix + (i / areasCount + 1) + "," + head + ",\"Số "
                        + (1 + random.nextInt(200))
                        + ", Thôn " + (area / communes + 1) + "\"," + (1 + random.nextInt(7)) + ","
                        + (random.nextInt(10) == 0 ? "1" : "0") + "\n");
            }
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
