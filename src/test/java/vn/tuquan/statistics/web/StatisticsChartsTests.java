package vn.tuquan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.tuquan.statistics.web.StatisticsCharts.MapClass;

/** The map's classes: every value in exactly one class, none empty, at most five, colours light to dark. */
class StatisticsChartsTests {

    @Test
    void tenDistinctValuesMakeFiveClassesOfTwo() {
        List<Long> values = LongStream.range(0, 10).boxed().toList();
        List<MapClass> classes = StatisticsCharts.classes(values);
        assertThat(classes)
                .extracting(MapClass::min, MapClass::max)
                .containsExactly(tuple(0L, 1L), tuple(2L, 3L), tuple(4L, 5L), tuple(6L, 7L), tuple(8L, 9L));
        assertThat(classes).extracting(MapClass::colour).containsExactlyElementsOf(StatisticsCharts.PALETTE);
    }

    @Test
    void fewDistinctValuesMakeAClassEachFromTheLightestToTheDarkest() {
        List<MapClass> classes = StatisticsCharts.classes(List.of(0L, 0L, 0L, 2L, 1L, 0L));
        assertThat(classes).extracting(MapClass::min).containsExactly(0L, 1L, 2L);
        assertThat(classes).extracting(MapClass::colour).containsExactly("#deebf7", "#6baed6", "#08519c");
        assertThat(StatisticsCharts.colour(classes, 2)).isEqualTo("#08519c");
    }

    @Test
    void everyValueFallsInExactlyOneClass() {
        List<Long> values = List.of(3L, 17L, 17L, 250L, 1081L, 4L, 0L, 9L, 12L, 40L, 41L, 3L, 1000L);
        List<MapClass> classes = StatisticsCharts.classes(values);
        assertThat(classes).hasSizeLessThanOrEqualTo(5).allMatch(c -> c.min() <= c.max());
        for (long v : values) {
            assertThat(classes.stream().filter(c -> c.holds(v))).as("%d", v).hasSize(1);
        }
        assertThat(StatisticsCharts.classes(List.of(5L, 5L)))
                .singleElement()
                .satisfies(c -> assertThat(c.min()).isEqualTo(5L).isEqualTo(c.max()));
        assertThat(StatisticsCharts.classes(List.of())).isEmpty();
    }
}
