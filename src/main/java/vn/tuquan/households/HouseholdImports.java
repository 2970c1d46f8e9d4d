package vn.tuquan.households;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.ImportColumns;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Bulk import of households from CSV or Excel at the speed of COPY: every row is parsed and checked
 * (line numbers, all bad rows at once) while the good ones stream through COPY into the register;
 * a file with any bad row, or with a code already held in its area, is refused whole and the
 * transaction rolls back.
 *
 * <p>Columns (a header line first, in any order): area, code, head_name, address, members, catholic
 * ({@link #COLUMNS}: each also by its Vietnamese and English names — the template's "Khu dân cư",
 * "Mã hộ", "Họ tên chủ hộ", "Địa chỉ", "Số nhân khẩu", "Hộ Công giáo" and the usual variants; address
 * and catholic may be left out; other columns such as "STT" are left aside) where {@code area} is
 * the residential area's own code or its unit id, {@code catholic} is one of 1/0, true/false,
 * có/không, x or empty.
 */
@Service
public class HouseholdImports {

    public static final List<String> HEADER = List.of("area", "code", "head_name", "address", "members", "catholic");
    /** The columns by their names in people's own sheets (compared without diacritics and case). */
    public static final ImportColumns COLUMNS = ImportColumns.of(
            ImportColumns.Column.required(
                    "area",
                    "Khu dân cư",
                    "Mã khu dân cư",
                    "Thôn",
                    "Xóm",
                    "Tổ dân phố",
                    "Thôn/xóm",
                    "Thôn, xóm",
                    "Thôn/tổ dân phố",
                    "Mã thôn",
                    "Mã xóm",
                    "Mã tổ dân phố",
                    "Khu",
                    "Residential area",
                    "Area code"),
            ImportColumns.Column.required(
                    "code",
                    "Mã hộ",
                    "Mã hộ gia đình",
                    "Mã số hộ",
                    "Số hộ",
                    "Số hiệu hộ",
                    "Household code",
                    "Household"),
            ImportColumns.Column.required(
                    "head_name",
                    "Họ tên chủ hộ",
                    "Họ và tên chủ hộ",
                    "Chủ hộ",
                    "Tên chủ hộ",
                    "Họ tên",
                    "Head of household",
                    "Household head",
                    "Head name",
                    "Head"),
            ImportColumns.Column.optional(
                    "address", "Địa chỉ", "Địa chỉ thường trú", "Địa chỉ cư trú", "Nơi ở", "Nơi ở hiện nay", "Address"),
            ImportColumns.Column.required(
                    "members",
                    "Số nhân khẩu",
                    "Nhân khẩu",
                    "Số khẩu",
                    "Số người",
                    "Số thành viên",
                    "Số người trong hộ",
                    "Members",
                    "Household members",
                    "Persons"),
            ImportColumns.Column.optional(
                    "catholic",
                    "Hộ Công giáo",
                    "Công giáo",
                    "Theo đạo Công giáo",
                    "Hộ theo đạo Công giáo",
                    "Giáo dân",
                    "Catholic",
                    "Catholic household"));

    static final int MAX_PROBLEMS = 1000;

    private static final Logger log = LoggerFactory.getLogger(HouseholdImports.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Units units;
    private final ApplicationEventPublisher events;

    HouseholdImports(JdbcClient jdbc, DataSource dataSource, Units units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.units = units;
        this.events = events;
    }

    private int chunkSize = HouseholdLoader.CHUNK;

    /** For tests: files of a few rows cross chunk boundaries too. */
    void chunkSize(int rows) {
        this.chunkSize = rows;
    }

    record Row(int line, long areaId, String code, String headName, String address, int members, boolean catholic) {}

    /**
     * Imports a CSV file of households living, from a date, in residential areas under a unit of the
     * caller's capture scope.
     *
     * @return the number of households added
     */
    @Transactional
    public int importCsv(Caller caller, long withinUnitId, String fileName, InputStream in, LocalDate from) {
        return load(caller, withinUnitId, fileName, from, checker -> parse(in, checker));
    }

    /** The same from the first sheet of an .xlsx workbook (header row first). */
    @Transactional
    public int importXlsx(Caller caller, long withinUnitId, String fileName, InputStream in, LocalDate from) {
        return load(caller, withinUnitId, fileName, from, checker -> parseXlsx(in, checker));
    }

    private int load(Caller caller, long withinUnitId, String fileName, LocalDate from, ToIntFunction<Checker> parser) {
        caller.require(Permission.MOVEMENT_WRITE);
        UnitView within = units.find(caller.capture(), withinUnitId, from)
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownArea", withinUnitId));
        Map<String, Long> areas = areasUnder(caller, within, from);
        int rows;
        Map<Long, Integer> named = new HashMap<>();
        Map<Long, Integer> catholic = new HashMap<>();
        try (HouseholdLoader loader = new HouseholdLoader(jdbc, dataSource, from, chunkSize)) {
            rows = loader.load(sink -> parser.applyAsInt(new Checker(areas, row -> {
                named.merge(row.areaId(), 1, Integer::sum);
                if (row.catholic()) {
                    catholic.merge(row.areaId(), 1, Integer::sum);
                }
                sink.accept(row);
            })));
        }
        events.publishEvent(new HouseholdsImported(withinUnitId, fileName, rows, from, named, catholic));
        return rows;
    }

    /** The residential areas under (or being) the unit, by their own code and by their id. */
    private Map<String, Long> areasUnder(Caller caller, UnitView within, LocalDate from) {
        Map<String, Long> areas = new HashMap<>();
        List<UnitView> found =
                units.subtreeWithRoot(caller.capture(), within.id(), Set.of(UnitKind.RESIDENTIAL_AREA), from);
        for (UnitView area : found) {
            areas.put(Long.toString(area.id()), area.id());
        }
        for (UnitView area : found) {
            if (area.code() != null && !area.code().isBlank()) {
                areas.putIfAbsent(area.code().strip().toUpperCase(Locale.ROOT), area.id());
            }
        }
        return areas;
    }

    static int parse(InputStream in, Checker checker) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                CSVParser csv =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = csv.iterator();
            boolean first = true;
            while (!checker.full()) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // a quote opened and never closed
                    Matcher start = Pattern.compile("startline (\\d+)").matcher(String.valueOf(e.getMessage()));
                    checker.broken(start.find() ? Integer.parseInt(start.group(1)) : (int) csv.getCurrentLineNumber());
                    break;
                }
                List<String> fields = Arrays.asList(record.values());
                if (first) {
                    if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
                        fields.set(0, fields.get(0).substring(1));
                    }
                    checker.header(fields);
                    first = false;
                } else if (fields.size() > 1 || !fields.get(0).isBlank()) {
                    checker.accept((int) csv.getCurrentLineNumber(), fields);
                }
            }
            if (first) {
                checker.header(List.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checker.finish();
    }

    /** The first sheet of an .xlsx workbook, with the same columns as the CSV file. */
    static int parseXlsx(InputStream in, Checker checker) {
        try (XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            boolean first = true;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> fields = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int i = 0; i < last; i++) {
                    fields.add(formatter.formatCellValue(row.getCell(i)));
                }
                while (!fields.isEmpty() && fields.get(fields.size() - 1).isBlank()) {
                    fields.remove(fields.size() - 1);
                }
                if (first) {
                    checker.header(fields);
                    first = false;
                } else if (fields.stream().anyMatch(f -> !f.isBlank())) {
                    checker.accept(row.getRowNum() + 1, fields);
                }
                if (checker.full()) {
                    break;
                }
            }
            if (first) {
                checker.header(List.of());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HouseholdImportRefusedException refused) {
                throw refused;
            }
            throw new HouseholdImportRefusedException(List.of(new ImportProblem(1, "households.import.notXlsx")));
        }
        return checker.finish();
    }

    /** Checks rows one at a time and keeps every problem. */
    static final class Checker {

        private final Map<String, Long> areas;
        private final Consumer<Row> sink;
        private int rows;
        private final List<ImportProblem> problems = new ArrayList<>();
        private final Map<Long, Map<String, Integer>> codes = new HashMap<>();
        private ImportColumns.Mapping columns;

        /** @param sink receives the good rows while no row has been bad (the file is refused then) */
        Checker(Map<String, Long> areas, Consumer<Row> sink) {
            this.areas = areas;
            this.sink = sink;
        }

        void header(List<String> fields) {
            columns = COLUMNS.map(fields);
            if (!columns.ok()) {
                List<ImportProblem> wrong = new ArrayList<>();
                columns.missing()
                        .forEach(key -> wrong.add(new ImportProblem(
                                1,
                                "households.import.missingColumn",
                                new DefaultMessageSourceResolvable("households.import.header." + key))));
                columns.repeated()
                        .forEach(key -> wrong.add(new ImportProblem(
                                1,
                                "households.import.repeatedColumn",
                                new DefaultMessageSourceResolvable("households.import.header." + key))));
                throw new HouseholdImportRefusedException(wrong);
            }
        }

        boolean full() {
            return problems.size() >= MAX_PROBLEMS;
        }

        void accept(int number, List<String> row) {
            if (columns.overflows(row)) {
                problems.add(new ImportProblem(number, "households.import.columns", columns.width(), row.size()));
                return;
            }
            List<String> f = HEADER.stream().map(key -> columns.get(row, key)).toList();
            int before = problems.size();
            String areaText = f.get(0).strip();
            Long area = areas.get(areaText.toUpperCase(Locale.ROOT));
            if (area == null) {
                problems.add(new ImportProblem(number, "households.import.unknownArea", areaText));
            }
            String code = f.get(1).strip();
            if (code.isEmpty()) {
                problems.add(new ImportProblem(number, "households.import.missingCode"));
            } else if (area != null) {
                Integer first =
                        codes.computeIfAbsent(area, k -> new HashMap<>()).putIfAbsent(code, number);
                if (first != null) {
                    problems.add(new ImportProblem(number, "households.import.duplicateCode", code, areaText, first));
                }
            }
            if (TextLimits.tooLong(code, TextLimits.CODE)) {
                problems.add(new ImportProblem(
                        number, "households.import.codeTooLong", TextLimits.CODE, TextLimits.length(code)));
            }
            String head = f.get(2).strip();
            if (head.isEmpty()) {
                problems.add(new ImportProblem(number, "households.import.missingHead"));
            } else if (TextLimits.tooLong(head, TextLimits.NAME)) {
                problems.add(new ImportProblem(
                        number, "households.import.headTooLong", TextLimits.NAME, TextLimits.length(head)));
            }
            if (TextLimits.tooLong(f.get(3), TextLimits.LINE)) {
                problems.add(new ImportProblem(
                        number, "households.import.addressTooLong", TextLimits.LINE, TextLimits.length(f.get(3))));
            }
            int members;
            try {
                members = Integer.parseInt(f.get(4).strip());
            } catch (NumberFormatException e) {
                members = 0;
            }
            if (members < 1) {
                problems.add(new ImportProblem(
                        number, "households.import.members", f.get(4).strip()));
            }
            Boolean catholic = yesNo(f.get(5));
            if (catholic == null) {
                problems.add(new ImportProblem(
                        number, "households.import.catholic", f.get(5).strip()));
            }
            if (problems.size() == before) {
                rows++;
                if (problems.isEmpty()) {
                    String address = f.get(3).strip();
                    sink.accept(
                            new Row(number, area, code, head, address.isEmpty() ? null : address, members, catholic));
                }
            }
        }

        void broken(int line) {
            problems.add(new ImportProblem(line, "households.import.brokenQuote"));
        }

        int finish() {
            if (!problems.isEmpty()) {
                throw new HouseholdImportRefusedException(problems);
            }
            if (rows == 0) {
                throw new HouseholdImportRefusedException(List.of(new ImportProblem(1, "households.import.empty")));
            }
            return rows;
        }
    }

    static Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "", "0", "false", "không", "khong", "no" -> false;
            case "1", "true", "có", "co", "x", "yes" -> true;
            default -> null;
        };
    }

    static StringBuilder text(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }
}
