package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;

/**
 * The GSO's own CSV export of January 2025, as published, imported whole: its island districts
 * (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) are rows with empty commune columns, and each
 * declares its district.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=gso-export")
class GsoExportImportTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 1, 4);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Test
    void theWholeExportIsImportedIslandDistrictsIncluded() {
        ImportSummary summary = lists.importFiles(
                Caller.SYSTEM, List.of(AdminUnitsData.file("pre2025/gso_Xa_2025-01-04.csv")), AS_OF, Optional.empty());
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.opened()).isEqualTo(63 + 696 + 10_051);
        UnitView conDao = units.findByCode(Scope.WHOLE_COUNTRY, "755", AS_OF).orElseThrow();
        assertThat(conDao.name()).isEqualTo("Huyện Côn Đảo");
        assertThat(conDao.kind()).isEqualTo(UnitKind.DISTRICT);
        assertThat(units.find(Scope.WHOLE_COUNTRY, conDao.parentId(), AS_OF)
                        .orElseThrow()
                        .code())
                .isEqualTo("77");
        assertThat(units.children(Scope.WHOLE_COUNTRY, conDao.id(), AS_OF)).isEmpty();
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "498", AS_OF)
                        .orElseThrow()
                        .name())
                .isEqualTo("Huyện Hoàng Sa");
    }
}
