package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UnitPath}: the one reader of {@code unit_version.path}. */
class UnitPathTests {

    @Test
    void readsTheIdsFromTheProvinceDown() {
        UnitPath path = UnitPath.parse("/1/5/23/");
        assertThat(path.ids()).containsExactly(1L, 5L, 23L);
        assertThat(path.unitId()).isEqualTo(23);
        assertThat(path.provinceId()).isEqualTo(1);
        assertThat(path.ancestorIds()).containsExactly(1L, 5L);
        assertThat(path.depth()).isEqualTo(3);
        assertThat(path).hasToString("/1/5/23/");
    }

    @Test
    void aProvinceIsItsOwnProvinceWithNoAncestors() {
        UnitPath province = UnitPath.parse("/36/");
        assertThat(province.provinceId()).isEqualTo(36);
        assertThat(province.unitId()).isEqualTo(36);
        assertThat(province.ancestorIds()).isEmpty();
        assertThat(province.depth()).isEqualTo(1);
        assertThat(province).isEqualTo(UnitPath.of(36));
    }

    @Test
    void aChildAndTheSubtree() {
        UnitPath commune = UnitPath.parse("/36/358/13969/");
        UnitPath village = commune.child(900_000_001L);
        assertThat(village).hasToString("/36/358/13969/900000001/");
        assertThat(village.within(commune)).isTrue();
        assertThat(commune.within(commune)).isTrue();
        assertThat(commune.within(village)).isFalse();
        // a prefix of the text is not a prefix of the ids
        assertThat(UnitPath.parse("/36/3581/").within(UnitPath.parse("/36/358/")))
                .isFalse();
    }

    @Test
    void refusesWhatIsNotAPath() {
        for (String bad : new String[] {null, "", "/", "//", "1/5/", "/1/5", "/1//5/", "/1/x/", "/1/ 5/"}) {
            assertThatThrownBy(() -> UnitPath.parse(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new UnitPath(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubtreesLikePatternIsThePathWithItsWildcardAndEscapesWhatLikeWouldRead() {
        assertThat(UnitPath.subtreeLike("/1/5/23/")).isEqualTo("/1/5/23/%");
        assertThat(UnitPath.subtreeLike("/a_b%c\\/")).isEqualTo("/a\\_b\\%c\\\\/%");
    }
}
