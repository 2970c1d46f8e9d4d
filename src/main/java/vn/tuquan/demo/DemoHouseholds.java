package vn.tuquan.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.Households;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Households of Huyện Hải Hậu and their 2017 commitments: most villages fully registered, some
 * not; the demo village head's Xóm 1 of Xã Hải Minh has a few households left to register, so
 * they can tick them and see the rate reach 100%. Seeded by each commune's code.
 */
@Component
class DemoHouseholds {

    static final String DISTRICT = "366"; // Huyện Hải Hậu
    static final int YEAR = 2017;
    static final LocalDate SIGNED_ON = LocalDate.of(2017, 1, 15);

    private static final Logger log = LoggerFactory.getLogger(DemoHouseholds.class);
    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đặng", "Bùi", "Đỗ", "Hoàng", "Ngô", "Đinh", "Phan", "Mai", "Đoàn"
    };
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc"};
    private static final String[] GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc",
        "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trung", "Tuấn", "Vân", "Yến"
    };

    private final Units units;
    private final Households households;
    private final HouseholdImports imports;
    private final Commitments commitments;

    DemoHouseholds(Units units, Households households, HouseholdImports imports, Commitments commitments) {
        this.units = units;
        this.households = households;
        this.imports = imports;
        this.commitments = commitments;
    }

    void loadIfAbsent() {
        Scope all = Scope.WHOLE_COUNTRY;
        UnitView district = units.findByCode(all, DISTRICT, NamDinh2017.AS_OF).orElseThrow();
        List<UnitView> communes = units.subtree(all, district.id(), Set.of(UnitKind.COMMUNE), NamDinh2017.AS_OF, 100, 0)
                .units();
        UnitView firstArea = areas(communes.get(0)).get(0);
        if (!households.inArea(all, firstArea.id(), NamDinh2017.AS_OF).isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        StringBuilder csv = new StringBuilder("area,code,head_name,address,members,catholic\n");
        int count = 0;
        for (UnitView commune : communes) {
            Random random = new Random(Long.parseLong(commune.code()) * 31);
            for (UnitView area : areas(commune)) {
                int size = 25 + random.nextInt(50);
                for (int i = 1; i <= size; i++) {
                    String head = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)]
                            + " " + GIVEN[random.nextInt(GIVEN.length)];
                    csv.append(area.id())
                            .append(",H")
                            .append(String.format("%03d", i))
                            .append(',')
                            .append(head)
                            .append(",\"")
                            .append(area.name())
                            .append(", ")
                            .append(commune.name())
                            .append("\",")
                            .append(2 + random.nextInt(5))
                            .append(',')
                            .append(random.nextInt(10) < 3 ? 1 : 0)
                            .append('\n');
                    count++;
                }
            }
        }
        imports.importCsv(
                Caller.SYSTEM,
                district.id(),
                "demo-hai-hau.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                NamDinh2017.AS_OF);
        int registered = 0;
        for (UnitView commune : communes) {
            Random random = new Random(Long.parseLong(commune.code()) * 17);
            List<UnitView> areas = areas(commune);
            for (int a = 0; a < areas.size(); a++) {
                List<Long> ids =
                        new ArrayList<>(households.inArea(all, areas.get(a).id(), NamDinh2017.AS_OF).stream()
                                .map(Household::id)
                                .toList());
                boolean demoVillage = "14233".equals(commune.code()) && a == 0;
                int missing = demoVillage ? 3 : random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(4);
                List<Long> signing = ids.subList(0, Math.max(0, ids.size() - missing));
                registered += commitments.recordAll(Caller.SYSTEM, areas.get(a).id(), YEAR, signing, SIGNED_ON);
            }
        }
        log.info(
                "Demo data: {} households in Huyện Hải Hậu, {} registered for {} ({} ms)",
                count,
                registered,
                YEAR,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<UnitView> areas(UnitView commune) {
        return units.children(Scope.WHOLE_COUNTRY, commune.id(), NamDinh2017.AS_OF).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .toList();
    }
}
