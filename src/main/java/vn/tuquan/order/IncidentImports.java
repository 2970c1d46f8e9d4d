package vn.tuquan.order;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.order.internal.CheckedIncident;
import vn.tuquan.order.internal.IncidentChecks;
import vn.tuquan.order.internal.IncidentStore;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.ImportColumns;
import vn.tuquan.shared.Permission;
import vn.tuquan.units.UnitView;

/**
 * Bulk import of incidents from a CSV file (UTF-8, a header line first), all or nothing: every row
 * is checked as a recorded incident would be, every bad row is reported with its line, column and
 * reason, and a file with any bad row writes nothing.
 *
 * <p>Columns, in any order, by these keys or their Vietnamese names ({@link #NAMED}; other columns are
 * left aside): {@code unit,category,severity,subjective_cause,occurred_at,reported_at,source,latitude,
 * longitude,summary}. {@code unit} is the unit's id; times are {@code 31/10/2017 23:59} (Vietnam's
 * time) or ISO-8601 with an offset; an empty {@code reported_at} is the occurrence.
 */
@Service
public class IncidentImports {

    public static final List<String> HEADER = List.of(
            "unit",
            "category",
            "severity",
            "subjective_cause",
            "occurred_at",
            "reported_at",
            "source",
            "latitude",
            "longitude",
            "summary");
    /** The columns by their names in people's own sheets, in any order (compared without diacritics and case). */
    public static final ImportColumns NAMED = ImportColumns.of(
            ImportColumns.Column.required("unit", "Đơn vị", "Mã đơn vị", "Số hiệu đơn vị", "Unit id"),
            ImportColumns.Column.required(
                    "category", "Loại vụ việc", "Mã loại vụ việc", "Loại", "Danh mục", "Category code"),
            ImportColumns.Column.optional(
                    "severity", "Mức độ", "Phân loại tội phạm", "Mức độ nghiêm trọng", "Loại tội phạm"),
            ImportColumns.Column.optional(
                    "subjective_cause", "Nguyên nhân chủ quan", "Do chủ quan", "Subjective cause"),
            ImportColumns.Column.required(
                    "occurred_at", "Thời gian xảy ra", "Ngày xảy ra", "Thời điểm xảy ra", "Occurred", "Occurred at"),
            ImportColumns.Column.optional(
                    "reported_at",
                    "Thời gian tiếp nhận",
                    "Ngày tiếp nhận",
                    "Ngày trình báo",
                    "Thời điểm tiếp nhận",
                    "Reported",
                    "Reported at"),
            ImportColumns.Column.required("source", "Nguồn", "Nguồn tin", "Nguồn phát hiện"),
            ImportColumns.Column.optional("latitude", "Vĩ độ", "Lat"),
            ImportColumns.Column.optional("longitude", "Kinh độ", "Lng", "Lon"),
            ImportColumns.Column.optional("summary", "Tóm tắt", "Nội dung", "Nội dung vụ việc", "Mô tả", "Diễn biến"));

    static final int MAX_PROBLEMS = 500;
    static final int MAX_ROWS = 50_000;
    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("d/M/uuuu H:mm");
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("unitId", "unit"),
            Map.entry("categoryCode", "category"),
            Map.entry("severity", "severity"),
            Map.entry("subjectiveCause", "subjective_cause"),
            Map.entry("occurredAt", "occurred_at"),
            Map.entry("reportedAt", "reported_at"),
            Map.entry("source", "source"),
            Map.entry("latitude", "latitude"),
            Map.entry("longitude", "longitude"),
            Map.entry("summary", "summary"));

    private final IncidentChecks checks;
    private final IncidentStore store;
    private final ApplicationEventPublisher events;

    IncidentImports(IncidentChecks checks, IncidentStore store, ApplicationEventPublisher events) {
        this.checks = checks;
        this.store = store;
        this.events = events;
    }

    /** One line of a file: its number (1 is the header) and its fields. */
    record Line(int number, List<String> fields) {}

    /**
     * Imports a file of incidents on units of the caller's capture scope: an Excel workbook (.xlsx,
     * its first sheet) when the file is one (it starts as a zip archive does), else CSV.
     *
     * @return the number of incidents recorded
     */
    @Transactional
    public int importFile(Caller caller, String fileName, InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        boolean zip;
        try {
            buffered.mark(4);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip ? importXlsx(caller, fileName, buffered) : importCsv(caller, fileName, buffered);
    }

    /**
     * Imports a CSV file of incidents on units of the caller's capture scope.
     *
     * @return the number of incidents recorded
     */
    @Transactional
    public int importCsv(Caller caller, String fileName, InputStream in) {
        List<IncidentImportProblem> broken = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                CSVParser csv =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = csv.iterator();
            Iterator<Line> lines = new Iterator<>() {
                private Line next;

                @Override
                public boolean hasNext() {
                    if (next == null && broken.isEmpty()) {
                        try {
                            if (records.hasNext()) {
                                CSVRecord record = records.next();
                                next = new Line(
                                        (int) csv.getCurrentLineNumber(),
                                        new ArrayList<>(Arrays.asList(record.values())));
                            }
                        } catch (UncheckedIOException e) {
                            broken.add(new IncidentImportProblem(
                                    (int) csv.getCurrentLineNumber(), null, "order.import.broken", List.of()));
                        }
                    }
                    return next != null;
                }

                @Override
                public Line next() {
                    Line line = next;
                    next = null;
                    return line;
                }
            };
            return load(caller, fileName, lines, broken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same from the first sheet of an Excel workbook (.xlsx), the header row first. */
    @Transactional
    public int importXlsx(Caller caller, String fileName, InputStream in) {
        List<Line> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Row row : book.getSheetAt(0)) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    fields.add(cell(row.getCell(i), formatter));
                }
                while (!fields.isEmpty() && fields.get(fields.size() - 1).isBlank()) {
                    fields.remove(fields.size() - 1);
                }
                lines.add(new Line(row.getRowNum() + 1, fields));
            }
        } catch (IOException | RuntimeException e) {
            throw new IncidentImportRefusedException(
                    List.of(new IncidentImportProblem(1, null, "order.import.notXlsx", List.of())));
        }
        return load(caller, fileName, lines.iterator(), new ArrayList<>());
    }

    /** A cell as the CSV file would hold it: a date and time written 31/10/2017 23:59 (Vietnam's time). */
    private static String cell(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().format(VIETNAMESE);
        }
        return formatter.formatCellValue(cell);
    }

    private int load(Caller caller, String fileName, Iterator<Line> lines, List<IncidentImportProblem> broken) {
        caller.require(Permission.ORDER_WRITE);
        OffsetDateTime now = Dates.now().atOffset(ZoneOffset.UTC);
        List<IncidentImportProblem> problems = new ArrayList<>();
        List<CheckedIncident> rows = new ArrayList<>();
        Map<Long, UnitView> seen = new HashMap<>();
        boolean first = true;
        ImportColumns.Mapping columns = null;
        while (problems.size() < MAX_PROBLEMS && lines.hasNext()) {
            Line read = lines.next();
            List<String> fields = read.fields();
            int line = read.number();
            if (first) {
                first = false;
                columns = NAMED.map(fields);
                if (!columns.ok()) {
                    List<IncidentImportProblem> wrong = new ArrayList<>();
                    columns.missing()
                            .forEach(key -> wrong.add(
                                    new IncidentImportProblem(1, key, "order.import.missingColumn", List.of(key))));
                    columns.repeated()
                            .forEach(key -> wrong.add(
                                    new IncidentImportProblem(1, key, "order.import.repeatedColumn", List.of(key))));
                    throw new IncidentImportRefusedException(wrong);
                }
                continue;
            }
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                problems.add(new IncidentImportProblem(line, null, "order.import.tooMany", List.of(MAX_ROWS)));
                break;
            }
            if (columns.overflows(fields)) {
                problems.add(new IncidentImportProblem(
                        line, null, "order.import.columns", List.of(fields.size(), columns.width())));
                continue;
            }
            ImportColumns.Mapping named = columns;
            row(caller, line, HEADER.stream().map(key -> named.get(fields, key)).toList(), now, seen, rows, problems);
        }
        problems.addAll(broken);
        if (first && problems.isEmpty()) {
            problems.add(new IncidentImportProblem(1, null, "order.import.empty", List.of()));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new IncidentImportProblem(2, null, "order.import.empty", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new IncidentImportRefusedException(problems);
        }
        store.insertAll(rows, null, Collections.nCopies(rows.size(), caller.username()));
        events.publishEvent(IncidentsImported.of(fileName, rows));
        return rows.size();
    }

    private void row(
            Caller caller,
            int line,
            List<String> fields,
            OffsetDateTime now,
            Map<Long, UnitView> seen,
            List<CheckedIncident> rows,
            List<IncidentImportProblem> problems) {
        try {
            Long unit = number(fields.get(0), "unit", Long::valueOf);
            IncidentForm form = new IncidentForm(
                    unit,
                    fields.get(1).strip().toUpperCase(Locale.ROOT),
                    fields.get(2),
                    yesNo(fields.get(3)),
                    time(fields.get(4), "occurred_at"),
                    time(fields.get(5), "reported_at"),
                    fields.get(6),
                    number(fields.get(7), "latitude", Double::valueOf),
                    number(fields.get(8), "longitude", Double::valueOf),
                    fields.get(9));
            if (form.reportedAt() == null && form.occurredAt() != null) {
                form = new IncidentForm(
                        form.unitId(),
                        form.categoryCode(),
                        form.severity(),
                        form.subjectiveCause(),
                        form.occurredAt(),
                        form.occurredAt(),
                        form.source(),
                        form.latitude(),
                        form.longitude(),
                        form.summary());
            }
            rows.add(checks.check(caller, form, now, seen));
        } catch (IncidentRefusedException e) {
            String column = e.field() == null ? null : COLUMNS.getOrDefault(e.field(), e.field());
            problems.add(new IncidentImportProblem(line, column, e.messageKey(), Arrays.asList(e.args())));
        } catch (AccessRefusedException e) {
            problems.add(
                    new IncidentImportProblem(line, "unit", "order.import.unitOutsideScope", List.of(fields.get(0))));
        }
    }

    private static <T> T number(String text, String column, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IncidentRefusedException(column, "order.import.number", text);
        }
    }

    private static Boolean yesNo(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "" -> null;
            case "1", "true", "có", "co", "x", "yes" -> true;
            case "0", "false", "không", "khong", "no" -> false;
            default -> throw new IncidentRefusedException("subjectiveCause", "order.import.yesNo", text);
        };
    }

    /** {@code 31/10/2017 23:59} in Vietnam's time, or ISO-8601 with an offset. */
    static OffsetDateTime time(String text, String column) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.contains("T")) {
                return OffsetDateTime.parse(t);
            }
            return LocalDateTime.parse(t, VIETNAMESE).atZone(Dates.VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IncidentRefusedException(column, "order.import.time", text);
        }
    }
}
