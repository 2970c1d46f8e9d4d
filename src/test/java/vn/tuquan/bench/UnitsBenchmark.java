package vn.tuquan.bench;

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
import java.util.function.IntConsumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tuquan.TuquanApplication;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.ImportSummary;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Prints: the time to import the national 2022 list (11,000+ units) into an empty tree, and to
 * re-import it; then, with 100,000 generated residential areas in one province, the latency
 * percentiles of subtree and search queries. Run with {@code bench/units}.
 */
public final class UnitsBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2022, 10, 1);
    static final Path LIST = Path.of("..", "shared", "data", "admin-units", "pre2025", "dvhcvn_v20221001.json");
    static final List<String> NAMES = List.of(
            "Đông",
            "Đoài",
            "Nam",
            "Bắc",
            "Trung",
            "Thượng",
            "Hạ",
            "An Lạc",
            "An Phú",
            "Bình An",
            "Cát Xuyên",
            "Đại Đồng",
            "Đồng Tâm",
            "Hòa Bình",
            "Hưng Long",
            "Kim Thành",
            "Lạc Thiện",
            "Minh Châu",
            "Nam Phú",
            "Ngọc Tỉnh",
            "Phú Lễ",
            "Phú Nhai",
            "Phúc Hải",
            "Quần Liêu",
            "Tân Thành",
            "Thanh Khê",
            "Thịnh Long",
            "Thượng Đồng",
            "Tiên Hòa",
            "Trung Lao",
            "Văn Lý",
            "Vân Tràng",
            "Xuân Bảng",
            "Yên Bình",
            "Yên Lộc",
            "Đức Thành");

    public static void main(String[] args) throws Exception {
        int residentialAreas = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dataDir = Files.createTempDirectory("tuquan-bench-units");
        SpringApplication app = new SpringApplication(TuquanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                app.run("--tuquan.data-directory=" + dataDir, "--logging.level.root=WARN")) {
            OfficialLists lists = context.getBean(OfficialLists.class);
            Units units = context.getBean(Units.class);
            LocalUnits localUnits = context.getBean(LocalUnits.class);

            long t0 = System.nanoTime();
            ImportSummary first = lists.importFiles(Caller.SYSTEM, List.of(LIST), AS_OF, Optional.empty());
            long importMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(
                    "import_2022_list_ms=%d units=%d (%d new)%n",
                    importMs, first.opened() + first.unchanged(), first.opened());
            t0 = System.nanoTime();
            ImportSummary again = lists.importFiles(Caller.SYSTEM, List.of(LIST), AS_OF, Optional.empty());
            System.out.printf(
                    "reimport_2022_list_ms=%d unchanged=%d%n", (System.nanoTime() - t0) / 1_000_000, again.unchanged());

            // 100,000 residential areas spread over the communes of Thanh Hóa (38), the province with the most communes
            UnitView province =
                    units.findByCode(Scope.WHOLE_COUNTRY, "38", AS_OF).orElseThrow();
            List<UnitView> communes = units.subtree(
                            Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.COMMUNE), AS_OF, 1000, 0)
                    .units();
            Random random = new Random(38);
            t0 = System.nanoTime();
            List<Map.Entry<Long, LocalUnitForm>> batch = new ArrayList<>();
            for (int i = 0; i < residentialAreas; i++) {
                UnitView commune = communes.get(i % communes.size());
                String name = "Thôn " + NAMES.get(random.nextInt(NAMES.size())) + " " + (i / communes.size() + 1);
                batch.add(new SimpleEntry<>(
                        commune.id(), new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", null, name, null)));
                if (batch.size() == 10_000 || i == residentialAreas - 1) {
                    localUnits.createAll(Caller.SYSTEM, batch, AS_OF);
                    batch.clear();
                }
            }
            System.out.printf(
                    "generated_residential_areas=%d in_communes=%d ms=%d%n",
                    residentialAreas, communes.size(), (System.nanoTime() - t0) / 1_000_000);
            context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("ANALYZE unit_version")
                    .update();

            Random pick = new Random(7);
            measure(
                    "subtree_province_first_page_100",
                    iterations,
                    i -> units.subtree(
                            Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.RESIDENTIAL_AREA), AS_OF, 100, 0));
            measure(
                    "subtree_province_page_at_offset_5000",
                    iterations,
                    i -> units.subtree(
                            Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.RESIDENTIAL_AREA), AS_OF, 100, 5000));
            measure(
                    "subtree_commune_all",
                    iterations,
                    i -> units.subtree(
                            Scope.WHOLE_COUNTRY,
                            communes.get(pick.nextInt(communes.size())).id(),
                            Set.of(),
                            AS_OF,
                            1000,
                            0));
            measure(
                    "children_commune",
                    iterations,
                    i -> units.children(
                            Scope.WHOLE_COUNTRY,
                            communes.get(pick.nextInt(communes.size())).id(),
                            AS_OF));
            measure(
                    "count_residential_areas_in_province",
                    Math.min(iterations, 100),
                    i -> units.count(
                            Scope.WHOLE_COUNTRY, UnitKind.RESIDENTIAL_AREA, AS_OF, Optional.of(province.id())));
            measure(
                    "search_village_name_in_province",
                    iterations,
                    i -> units.search(
                            Scope.WHOLE_COUNTRY,
                            fold(NAMES.get(pick.nextInt(NAMES.size()))) + " " + (1 + pick.nextInt(300)),
                            AS_OF,
                            Set.of(),
                            Optional.of(province.id()),
                            20));
            measure(
                    "search_commune_name_nationwide",
                    iterations,
                    i -> units.search(
                            Scope.WHOLE_COUNTRY,
                            fold(communes.get(pick.nextInt(communes.size())).name())
                                    .substring(3),
                            AS_OF,
                            Set.of(UnitKind.COMMUNE),
                            Optional.empty(),
                            20));
        }
    }

    private static String fold(String text) {
        return vn.tuquan.shared.VietnameseText.fold(text);
    }

    private static void measure(String name, int iterations, IntConsumer query) {
        for (int i = 0; i < Math.max(20, iterations / 10); i++) {
            query.accept(i); // warm-up
        }
        long[] micros = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            query.accept(i);
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf(
                "%s: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
                name,
                iterations,
                micros[iterations / 2] / 1000.0,
                micros[(int) (iterations * 0.95)] / 1000.0,
                micros[(int) (iterations * 0.99)] / 1000.0,
                micros[iterations - 1] / 1000.0);
    }
}
