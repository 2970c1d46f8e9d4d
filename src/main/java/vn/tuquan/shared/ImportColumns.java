package vn.tuquan.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of an import file, recognised by their header as people write it in their own sheets:
 * each column has a key and the names it may go by (in Vietnamese and English, the downloadable
 * template's header included), compared without diacritics, case, underscores or extra spaces
 * ("Mã hộ", "MA HO", "ma_ho" are one name). The columns may come in any order; a column no one
 * asked for ("STT", "Ghi chú") is left aside; a required column missing, or one given twice, is
 * named in the answer so the person can fix the header.
 */
public final class ImportColumns {

    /** One column: its key, whether a file must have it, and the names it may go by. */
    public record Column(String key, boolean required, List<String> names) {

        public Column {
            names = names.stream().map(ImportColumns::fold).toList();
        }

        public static Column required(String key, String... names) {
            return new Column(key, true, withKey(key, names));
        }

        public static Column optional(String key, String... names) {
            return new Column(key, false, withKey(key, names));
        }

        private static List<String> withKey(String key, String... names) {
            List<String> all = new ArrayList<>(Arrays.asList(names));
            all.add(key);
            return all;
        }
    }

    /** Where each column is in a file, or what is wrong with its header. */
    public record Mapping(
            Map<String, Integer> positions,
            int width,
            List<String> missing,
            List<String> repeated,
            List<String> ignored) {

        public boolean ok() {
            return missing.isEmpty() && repeated.isEmpty();
        }

        /** The cell of a column in a row ("" when the column is absent or the row is short). */
        public String get(List<String> row, String key) {
            Integer at = positions.get(key);
            if (at == null || at >= row.size()) {
                return "";
            }
            String value = row.get(at);
            return value == null ? "" : value;
        }

        /** Whether a row has filled cells beyond the header's last column (a misplaced separator or quote). */
        public boolean overflows(List<String> row) {
            for (int i = width; i < row.size(); i++) {
                if (row.get(i) != null && !row.get(i).isBlank()) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Column> columns;

    private ImportColumns(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static ImportColumns of(Column... columns) {
        return new ImportColumns(Arrays.asList(columns));
    }

    public List<Column> columns() {
        return columns;
    }

    /** The keys of the columns, in the template's order. */
    public List<String> keys() {
        return columns.stream().map(Column::key).toList();
    }

    /** Reads a header row. */
    public Mapping map(List<String> header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i) == null ? "" : header.get(i);
            if (i == 0 && cell.startsWith("\uFEFF")) {
                cell = cell.substring(1);
            }
            String name = fold(cell);
            if (name.isEmpty()) {
                continue;
            }
            width = i + 1;
            Column column = columns.stream()
                    .filter(c -> c.names().contains(name))
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                ignored.add(cell.strip());
            } else if (positions.putIfAbsent(column.key(), i) != null && !repeated.contains(column.key())) {
                repeated.add(column.key());
            }
        }
        List<String> missing = columns.stream()
                .filter(c -> c.required() && !positions.containsKey(c.key()))
                .map(Column::key)
                .toList();
        return new Mapping(Map.copyOf(positions), width, missing, List.copyOf(repeated), List.copyOf(ignored));
    }

    /** A header cell as compared: no diacritics (đ → d), lower case, words separated by one space. */
    static String fold(String text) {
        String folded = VietnameseText.fold(text == null ? "" : text.replace("\uFEFF", ""));
        return folded.replaceAll("[_\\-./:()\\[\\]*]+", " ")
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
