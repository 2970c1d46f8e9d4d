package vn.tuquan.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanApplication;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Prints the time and the heap an Excel export takes for N incidents of one residential area
 * (default 100,000), over real HTTP: the application in this JVM (run it with a small heap, e.g.
 * {@code -Xmx256m}, to see that the export does not need the rows in memory), the workbook read
 * back by counting the rows of its sheet as they stream past. Run with {@code bench/exports}.
 */
public final class ExportsBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2022, 10, 1);
    static final Path LIST = Path.of("..", "shared", "data", "admin-units", "pre2025", "nam_dinh_36_2022-10.csv");
    static final String PASSWORD = "mat-khau-do-xuat-excel-2026";

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dataDir = Files.createTempDirectory("tuquan-bench-exports");
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        try (ConfigurableApplicationContext context = app.run(
                "--tuquan.data-directory=" + dataDir,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--tuquan.security.second-factor-for-sensitive-data=false")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Units units = context.getBean(Units.class);
            context.getBean(OfficialLists.class).importFiles(Caller.SYSTEM, List.of(LIST), AS_OF, Optional.empty());
            long commune = units.findByCode(Scope.WHOLE_COUNTRY, "14233", AS_OF)
                    .orElseThrow()
                    .id();
            long area = context.getBean(LocalUnits.class)
                    .createAll(
                            Caller.SYSTEM,
                            List.of(Map.entry(
                                    commune,
                                    new LocalUnitForm(
                                            UnitKind.RESIDENTIAL_AREA, "XOM", "BENCH-1", "Xóm Đo Xuất", null))),
                            AS_OF)
                    .get(0);
            TestUsers.administrator(context.getBean(UserAccounts.class), "bench.xuat", "Đo Xuất", PASSWORD);
            long t0 = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at,
                                          status, source, latitude, longitude, summary, created_by)
                    SELECT :area, (ARRAY['CRIME_THEFT', 'FIRE', 'SCHOOL_VIOLENCE'])[1 + n % 3],
                           CASE WHEN n % 3 = 0 THEN 'SERIOUS' END, CASE WHEN n % 2 = 0 THEN n % 4 = 0 END,
                           timestamptz '2016-11-01 00:00+07' + n * interval '7 minutes',
                           timestamptz '2016-11-01 00:30+07' + n * interval '7 minutes', 'REPORTED', 'PATROL',
                           20.2 + n / 10000000.0, 106.2 + n / 10000000.0,
                           'Vụ số ' || n || ': mất trộm xe máy trước cổng chợ, người dân báo tổ an ninh', 'bench'
                      FROM generate_series(1, :n) n""").param("area", area).param("n", incidents).update();
            jdbc.sql("ANALYZE incident").update();
            System.out.printf("incidents_inserted=%d ms=%d%n", incidents, (System.nanoTime() - t0) / 1_000_000);

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebSession session = new WebSession(port);
            session.signIn("bench.xuat", PASSWORD);
            String cookie = session.cookie("TUQUAN_SESSION");
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/order/incidents.xlsx?unit=" + area))
                    .header("Cookie", "TUQUAN_SESSION=" + cookie)
                    .GET()
                    .build();
            for (int i = 1; i <= iterations; i++) {
                System.gc();
                long baseline = heapUsed();
                AtomicLong peak = new AtomicLong(baseline);
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        peak.accumulateAndGet(heapUsed(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                long start = System.nanoTime();
                HttpResponse<InputStream> response;
                long[] counted;
                try {
                    response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    counted = count(response.body());
                } finally {
                    running.set(false);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                sampler.join();
                System.out.printf(
                        "export_%d status=%d rows=%d bytes=%d ms=%d rows_per_s=%d heap_baseline_mib=%d"
                                + " heap_peak_mib=%d max_heap_mib=%d%n",
                        i,
                        response.statusCode(),
                        counted[0] - 1,
                        counted[1],
                        ms,
                        (counted[0] - 1) * 1000 / Math.max(1, ms),
                        baseline >> 20,
                        peak.get() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * The rows of the workbook's first sheet (its header included) and the file's bytes: the file
     * saved to disk as it arrives, then its sheet streamed out of the zip (by its central directory,
     * as spreadsheet programs read it) and its rows counted as they pass.
     */
    static long[] count(InputStream body) throws Exception {
        Path file = Files.createTempFile("tuquan-bench-export", ".xlsx");
        try {
            long bytes = Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long rows = 0;
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
                    InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
                byte[] marker = "<row ".getBytes(StandardCharsets.US_ASCII);
                int matched = 0;
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = sheet.read(buffer)) > 0; ) {
                    for (int k = 0; k < n; k++) {
                        matched = buffer[k] == marker[matched] ? matched + 1 : buffer[k] == marker[0] ? 1 : 0;
                        if (matched == marker.length) {
                            rows++;
                            matched = 0;
                        }
                    }
                }
            }
            return new long[] {rows, bytes};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
