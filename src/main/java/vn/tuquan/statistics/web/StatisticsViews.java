package vn.tuquan.statistics.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.tuquan.movement.ModelType;
import vn.tuquan.movement.MovementCounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Named;
import vn.tuquan.statistics.Figures;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.statistics.Trend;
import vn.tuquan.units.Predecessor;
import vn.tuquan.units.UnitView;

/** The figures of a page as its templates read them: each number with the link to its records. */
final class StatisticsViews {

    /** The indicators of the children's table and the trend, in their columns' order. */
    static final List<Indicator> COLUMNS = List.of(
            Indicator.RESIDENTIAL_AREAS,
            Indicator.AREAS_NO_CRIME,
            Indicator.AREAS_NO_DRUG_USER,
            Indicator.AREAS_ALL_REGISTERED,
            Indicator.HOUSEHOLDS,
            Indicator.HOUSEHOLDS_REGISTERED,
            Indicator.CRIMES,
            Indicator.INCIDENTS,
            Indicator.DRUG_USERS_PRESENT,
            Indicator.MEDIATIONS,
            Indicator.RE_EDUCATIONS);

    private StatisticsViews() {}

    /** A number: its indicator's code, its value and where it opens (null: nowhere the caller may go). */
    record Cell(String code, long value, String href) {}

    /** A row of a table: a unit (or the unit's own records) and its numbers by code. */
    record Row(long id, String name, String kind, boolean own, Map<String, Cell> cells) {

        public Cell cell(String code) {
            return cells.get(code);
        }

        /** The share of households registered in per cent, rounded to a tenth; null for no household. */
        public Double registeredShare() {
            return share(
                    cells.get("households-registered").value(),
                    cells.get("households").value());
        }
    }

    /** Every indicator's cell of a unit's figures. */
    static Map<String, Cell> cells(Figures figures, UnitView unit, int year, Caller caller) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            cells.put(i.code(), new Cell(i.code(), figures.get(i), RecordLinks.of(i, unit, year, caller)));
        }
        return cells;
    }

    /** Every indicator's cell of the figures of the caller's whole scope ({@link RecordLinks#ofScope}). */
    static Map<String, Cell> scopeCells(Figures figures, int year, Caller caller) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            cells.put(i.code(), new Cell(i.code(), figures.get(i), RecordLinks.ofScope(i, year, caller)));
        }
        return cells;
    }

    /**
     * The cells of the unit's own records (not of a child): counts of records only, and unlinked, since
     * no register's list narrows to a unit without the units under it (the unit's list would show more
     * rows than the number).
     */
    static Map<String, Cell> ownCells(Figures figures) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            cells.put(i.code(), new Cell(i.code(), i.countsUnits() ? 0 : figures.get(i), null));
        }
        return cells;
    }

    static boolean anyRecord(Figures figures) {
        for (Indicator i : Indicator.values()) {
            if (!i.countsUnits() && figures.get(i) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The models of one type under a unit: its name, those running on 31/10 (a link to them), those effective. */
    record ModelTypeRow(String code, String name, long running, long effective, String records) {}

    /** The models by type of a unit's subtree, in the caller's language, each running count opening its models. */
    static List<ModelTypeRow> modelTypes(
            List<MovementCounts.TypeCount> counts,
            List<ModelType> types,
            UnitView unit,
            int year,
            Caller caller,
            Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelType t : types) {
            names.put(t.code(), new Named(t.nameVi(), t.nameEn()).in(locale));
        }
        List<ModelTypeRow> rows = new ArrayList<>();
        for (MovementCounts.TypeCount c : counts) {
            rows.add(new ModelTypeRow(
                    c.typeCode(),
                    names.getOrDefault(c.typeCode(), c.typeCode()),
                    c.running(),
                    c.effective(),
                    RecordLinks.modelsOfType(unit.id(), year, c.typeCode(), caller)));
        }
        return rows;
    }

    static String name(UnitView unit) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Named(unit.name(), unit.nameEn()).in(locale);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    static List<Row> rows(List<vn.tuquan.statistics.ChildFigures> children, int year, Caller caller) {
        List<Row> rows = new ArrayList<>();
        for (var child : children) {
            rows.add(new Row(
                    child.unit().id(),
                    name(child.unit()),
                    child.unit().kind().name(),
                    false,
                    cells(child.figures(), child.unit(), year, caller)));
        }
        return rows;
    }

    /** Every indicator's cell, none of them a link: figures no register's list counts (a trend's sum of units). */
    static Map<String, Cell> plainCells(Figures figures) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            cells.put(i.code(), new Cell(i.code(), figures.get(i), null));
        }
        return cells;
    }

    /**
     * What a trend's year says of where its figures come from, in the reader's language: the units added up,
     * or why it is not comparable; null for the unit's own figures.
     */
    static String trendNote(Trend.Year year, MessageSource messages, Locale locale) {
        if (year.source() == Trend.Source.PREDECESSORS) {
            return messages.getMessage("statistics.page.trendFrom", new Object[] {names(year.from(), locale)}, locale);
        }
        if (year.source() != Trend.Source.NOT_COMPARABLE) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        List<Predecessor> split = year.from().stream()
                .filter(p -> p.share() == Predecessor.Share.PART)
                .toList();
        List<Predecessor> unrecorded = year.from().stream()
                .filter(p -> p.share() == Predecessor.Share.UNRECORDED)
                .toList();
        if (!split.isEmpty()) {
            notes.add(messages.getMessage("statistics.page.trendSplit", new Object[] {names(split, locale)}, locale));
        }
        if (!unrecorded.isEmpty()) {
            notes.add(messages.getMessage(
                    "statistics.page.trendUnrecorded", new Object[] {names(unrecorded, locale)}, locale));
        }
        return String.join("; ", notes);
    }

    private static String names(List<Predecessor> units, Locale locale) {
        return String.join(
                ", ",
                units.stream()
                        .map(p -> new Named(p.unit().name(), p.unit().nameEn()).in(locale))
                        .toList());
    }
}
