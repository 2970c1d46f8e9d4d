package vn.tuquan.statistics.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.tuquan.statistics.web.StatisticsViews.Row;

/**
 * What the statistics page's charts and map draw, computed here so that the page states it without
 * script: the children ranked by the chosen indicator (bars whose widths are per cent of the largest),
 * the map's classes (limits and colours), and the JSON blocks that {@code js/statistics-charts.js}
 * and {@code js/statistics-map.js} read (no request of their own).
 */
final class StatisticsCharts {

    /** A sequential palette (ColorBrewer "Blues"), lightest for the smallest values. */
    static final List<String> PALETTE = List.of("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatisticsCharts() {}

    /** A child in the ranking: its figures' link keeps the indicator charted. */
    record Ranked(long id, String name, long value, int bar) {}

    /** A class of the map: the values from {@code min} to {@code max}, both included, in one colour. */
    record MapClass(long min, long max, String colour) {

        boolean holds(long value) {
            return min <= value && value <= max;
        }
    }

    /** The children (not the row of the unit's own records), largest value first, then by name. */
    static List<Ranked> ranked(List<Row> rows, String indicator) {
        long max = 0;
        for (Row r : rows) {
            if (!r.own()) {
                max = Math.max(max, r.cell(indicator).value());
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Row r : rows) {
            if (!r.own()) {
                long v = r.cell(indicator).value();
                ranked.add(new Ranked(r.id(), r.name(), v, max == 0 ? 0 : (int) Math.round(100.0 * v / max)));
            }
        }
        ranked.sort(Comparator.comparingLong(Ranked::value).reversed().thenComparing(Ranked::name));
        return ranked;
    }

    /**
     * At most five classes of as many distinct values each (quantiles of the distinct values), so that
     * every value falls in exactly one class and no class is empty.
     */
    static List<MapClass> classes(List<Long> values) {
        List<Long> distinct = new ArrayList<>(new TreeSet<>(values));
        int m = distinct.size();
        int k = Math.min(PALETTE.size(), m);
        List<MapClass> classes = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int first = j * m / k;
            int last = (j + 1) * m / k - 1;
            int colour = k == 1 ? PALETTE.size() / 2 : Math.round(j * (PALETTE.size() - 1f) / (k - 1));
            classes.add(new MapClass(distinct.get(first), distinct.get(last), PALETTE.get(colour)));
        }
        return classes;
    }

    /** The trend and the ranking as the charts' script reads them. */
    static String chartJson(String indicator, Map<Integer, Long> trend, List<Ranked> ranked, String drillPrefix) {
        ObjectNode data = JSON.createObjectNode();
        data.put("indicator", indicator);
        ArrayNode years = data.putArray("trend");
        trend.forEach((year, value) -> years.addObject().put("year", year).put("value", value));
        ArrayNode children = data.putArray("children");
        for (Ranked r : ranked) {
            children.addObject()
                    .put("id", r.id())
                    .put("name", r.name())
                    .put("value", r.value())
                    .put("href", drillPrefix.replace("{id}", Long.toString(r.id())));
        }
        return script(data);
    }

    /**
     * The children that have a boundary, from the units' map (a FeatureCollection of the unit and its
     * children), each with its name, value, colour and link; null when no child has one.
     *
     * @param unmapped receives the names of the children without a boundary
     */
    static String mapJson(
            String unitsMap, List<Ranked> ranked, List<MapClass> classes, String drillPrefix, List<String> unmapped) {
        Map<Long, JsonNode> geometries = new HashMap<>();
        for (JsonNode feature : JSON.readTree(unitsMap).path("features")) {
            JsonNode properties = feature.path("properties");
            if ("child".equals(properties.path("role").asString(""))) {
                geometries.put(properties.path("id").asLong(), feature.path("geometry"));
            }
        }
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (Ranked r : ranked) {
            JsonNode geometry = geometries.get(r.id());
            if (geometry == null) {
                unmapped.add(r.name());
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.set("geometry", geometry);
            feature.putObject("properties")
                    .put("id", r.id())
                    .put("name", r.name())
                    .put("value", r.value())
                    .put("colour", colour(classes, r.value()))
                    .put("href", drillPrefix.replace("{id}", Long.toString(r.id())));
        }
        return features.isEmpty() ? null : script(collection);
    }

    static String colour(List<MapClass> classes, long value) {
        return classes.stream()
                .filter(c -> c.holds(value))
                .findFirst()
                .map(MapClass::colour)
                .orElseThrow();
    }

    /** JSON safe inside a script element: no {@code <} to close it. */
    private static String script(JsonNode node) {
        return JSON.writeValueAsString(node).replace("<", "\\u003c");
    }
}
