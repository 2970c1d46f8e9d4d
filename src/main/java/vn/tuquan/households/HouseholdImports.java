package vn.tuquan.households;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Bulk import of households from CSV at the speed of COPY: every row is parsed and checked first
 * (line numbers, all bad rows at once); a file with any bad row is refused whole; otherwise the
 * rows go through COPY into a temporary table and into the register set-based, in one transaction.
 *
 * <p>Columns (a header line first): {@code area,code,head_name,address,members,catholic} where
 * {@code area} is the residential area's own code or its unit id, {@code catholic} is one of
 * 1/0, true/false, có/không, x or empty.
 */
@Service
public class HouseholdImports {

    public static final List<String> HEADER = List.of("area", "code", "head_name", "address", "members", "catholic");
    static final int MAX_PROBLEMS = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HouseholdImports.class);

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

    record Row(int line, long areaId, String code, String headName, String address, int members, boolean catholic) {
    }

    /**
     * Imports a CSV file of households living, from a date, in residential areas under a unit of the
     * caller's capture scope.
     *
     * @return the number of households added
     */
    @Transactional
    public int importCsv(Caller caller, long withinUnitId, String fileName, InputStream in, LocalDate from) {
        caller.require(Permission.MOVEMENT_WRITE);
        UnitView within = units.find(caller.capture(), withinUnitId, from)
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownArea", withinUnitId));
        long t0 = System.nanoTime();
        Map<String, Long> areas = areasUnder(caller, within, from);
        int rows;
        try (Loader loader = new Loader()) {
            rows = parse(in, areas, loader);
            loader.end();
        }
        log.debug("households import: {} rows parsed, checked and copied in {} ms", rows, (System.nanoTime() - t0) / 1_000_000);
        insertLoaded(from);
        events.publishEvent(new HouseholdsImported(withinUnitId, fileName, rows, from));
        return rows;
    }

    /** The same from the first sheet of an .xlsx workbook (header row first). */
    @Transactional
    public int importXlsx(Caller caller, long withinUnitId, String fileName, InputStream in, LocalDate from) {
        caller.require(Permission.MOVEMENT_WRITE);
        UnitView within = units.find(caller.capture(), withinUnitId, from)
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownArea", withinUnitId));
        Map<String, Long> areas = areasUnder(caller, within, from);
        int rows;
        try (Loader loader = new Loader()) {
            rows = parseXlsx(in, areas, loader);
            loader.end();
        }
        insertLoaded(from);
        events.publishEvent(new HouseholdsImported(withinUnitId, fileName, rows, from));
        return rows;
    }

    /** The residential areas under (or being) the unit, by their own code and by their id. */
    private Map<String, Long> areasUnder(Caller caller, UnitView within, LocalDate from) {
        Map<String, Long> areas = new HashMap<>();
        List<UnitView> found = new ArrayList<>();
        if (within.kind() == UnitKind.RESIDENTIAL_AREA) {
            found.add(within);
        }
        int offset = 0;
        while (true) {
            Units.Page page = units.subtree(caller.capture(), within.id(), Set.of(UnitKind.RESIDENTIAL_AREA), from,
                    50_000, offset);
            found.addAll(page.units());
            if (!page.more()) {
                break;
            }
            offset += page.units().size();
        }
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

    static int parse(InputStream in, Map<String, Long> areas, Consumer<Row> sink) {
        Checker checker = new Checker(areas, sink);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            checker.header(line == null ? List.of() : CsvLine.split(line));
            int number = 1;
            while ((line = reader.readLine()) != null && !checker.full()) {
                number++;
                if (!line.isBlank()) {
                    checker.accept(number, CsvLine.split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checker.finish();
    }

    /** The first sheet of an .xlsx workbook, with the same columns as the CSV file. */
    static int parseXlsx(InputStream in, Map<String, Long> areas, Consumer<Row> sink) {
        Checker checker = new Checker(areas, sink);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter(Locale.ROOT);
            boolean first = true;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> fields = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int i = 0; i < last; i++) {
                    fields.add(formatter.formatCellValue(row.getCell(i)));
                }
                while (fields.size() > HEADER.size() && fields.get(fields.size() - 1).isBlank()) {
                    fields.remove(fields.size() - 1);
                }
                while (!first && fields.size() < HEADER.size() && !fields.isEmpty()) {
                    fields.add("");
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

        /** @param sink receives the good rows while no row has been bad (the file is refused then) */
        Checker(Map<String, Long> areas, Consumer<Row> sink) {
            this.areas = areas;
            this.sink = sink;
        }

        void header(List<String> fields) {
            if (!fields.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
                throw new HouseholdImportRefusedException(List.of(new ImportProblem(1, "households.import.header",
                        String.join(",", HEADER))));
            }
        }

        boolean full() {
            return problems.size() >= MAX_PROBLEMS;
        }

        void accept(int number, List<String> f) {
            if (f.size() != HEADER.size()) {
                problems.add(new ImportProblem(number, "households.import.columns", HEADER.size(), f.size()));
                return;
            }
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
                Integer first = codes.computeIfAbsent(area, k -> new HashMap<>()).putIfAbsent(code, number);
                if (first != null) {
                    problems.add(new ImportProblem(number, "households.import.duplicateCode", code, areaText, first));
                }
            }
            String head = f.get(2).strip();
            if (head.isEmpty()) {
                problems.add(new ImportProblem(number, "households.import.missingHead"));
            }
            int members;
            try {
                members = Integer.parseInt(f.get(4).strip());
            } catch (NumberFormatException e) {
                members = 0;
            }
            if (members < 1) {
                problems.add(new ImportProblem(number, "households.import.members", f.get(4).strip()));
            }
            Boolean catholic = yesNo(f.get(5));
            if (catholic == null) {
                problems.add(new ImportProblem(number, "households.import.catholic", f.get(5).strip()));
            }
            if (problems.size() == before) {
                rows++;
                if (problems.isEmpty()) {
                    String address = f.get(3).strip();
                    sink.accept(new Row(number, area, code, head, address.isEmpty() ? null : address, members, catholic));
                }
            }
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

    /**
     * Streams checked rows through COPY into a temporary table of this transaction (dropped at its
     * end); a refused file rolls the transaction back, so nothing reaches the register.
     */
    private final class Loader implements Consumer<Row>, AutoCloseable {

        private final Connection connection;
        private final CopyIn copy;
        private final StringBuilder sb = new StringBuilder(1 << 17);

        Loader() {
            jdbc.sql("""
                    CREATE TEMPORARY TABLE household_load (
                        id bigint NOT NULL DEFAULT nextval(pg_get_serial_sequence('household', 'id')),
                        line integer NOT NULL, area_id bigint NOT NULL, code text COLLATE "C" NOT NULL,
                        head_name text NOT NULL, address text, members integer NOT NULL, catholic boolean NOT NULL)
                    ON COMMIT DROP""").update();
            connection = DataSourceUtils.getConnection(dataSource);
            try {
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY household_load (line, area_id, code, head_name, address, members, catholic) FROM STDIN");
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException("COPY of households failed", e);
            }
        }

        @Override
        public void accept(Row r) {
            sb.append(r.line()).append('\t').append(r.areaId()).append('\t');
            text(sb, r.code()).append('\t');
            text(sb, r.headName()).append('\t');
            if (r.address() == null) {
                sb.append("\\N");
            } else {
                text(sb, r.address());
            }
            sb.append('\t').append(r.members()).append('\t').append(r.catholic() ? 't' : 'f').append('\n');
            if (sb.length() > 60_000) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            sb.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of households failed", e);
            }
        }

        void end() {
            flush();
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of households failed", e);
            }
        }

        @Override
        public void close() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                log.debug("cancelling COPY", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** From the temporary table into the register, set-based, once no code is already taken. */
    private void insertLoaded(LocalDate from) {
        long t0 = System.nanoTime();
        log.debug("households import: COPY done");
        List<ImportProblem> taken = jdbc.sql("""
                SELECT l.line, l.code FROM household_load l JOIN household_residence r
                    ON r.area_id = l.area_id AND r.code = l.code AND r.valid_to IS NULL
                 ORDER BY l.line LIMIT :max""").param("max", MAX_PROBLEMS)
                .query((rs, n) -> new ImportProblem(rs.getInt(1), "households.import.codeTaken", rs.getString(2)))
                .list();
        if (!taken.isEmpty()) {
            throw new HouseholdImportRefusedException(taken);
        }
        jdbc.sql("""
                INSERT INTO household (id, head_name, address, members, catholic)
                SELECT id, head_name, address, members, catholic FROM household_load""").update();
        log.debug("households import: codes checked and households inserted in {} ms", (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO household_residence (household_id, area_id, code, valid_from)
                SELECT id, area_id, code, :from FROM household_load""").param("from", from).update();
        log.debug("households import: residences inserted in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static StringBuilder text(StringBuilder sb, String s) {
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
