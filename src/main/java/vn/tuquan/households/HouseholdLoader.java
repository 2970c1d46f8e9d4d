package vn.tuquan.households;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads checked household rows into the register at the speed of COPY, inside the caller's
 * transaction. The file is read and checked on a second thread, in chunks of {@value #CHUNK} rows
 * kept as COPY text grouped by area, while this thread copies the previous chunk: first its
 * households, with ids from a block of the sequence reserved under a lock on {@code household} (no
 * other household is added meanwhile; a second import waits), then their stays. Within a chunk the
 * rows go area after area with ascending ids, so every index of the two tables grows at a few
 * places instead of at thousands (1,000,000 households over 6,000 areas: 0.8 s less than in the
 * file's order). Codes already held in an area are looked up the first time the area appears and
 * refuse the file with their lines. Any refusal or failure leaves the transaction to roll back, so
 * nothing reaches the register.
 */
final class HouseholdLoader implements AutoCloseable {

    static final int CHUNK = 100_000;

    private static final Logger log = LoggerFactory.getLogger(HouseholdLoader.class);
    private static final Chunk END = new Chunk();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final String from;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    private final Map<Long, Set<String>> held = new HashMap<>();
    private volatile boolean cancelled;
    private Connection connection;
    private CopyIn copy;

    private final int chunkSize;

    HouseholdLoader(JdbcClient jdbc, DataSource dataSource, LocalDate from, int chunkSize) {
        this.chunkSize = chunkSize;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.from = from.toString();
    }

    /**
     * Runs the reader (which checks every row and hands the good ones to its sink) on a second
     * thread and copies what it hands over.
     *
     * @return the number of rows the reader counted
     */
    int load(ToIntFunction<Consumer<HouseholdImports.Row>> reader) {
        long started = System.nanoTime();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                () -> {
                    Producer producer = new Producer();
                    boolean good = false;
                    try {
                        int rows = reader.applyAsInt(producer);
                        good = true;
                        return rows;
                    } finally {
                        producer.end(good);
                    }
                },
                task -> {
                    Thread thread = new Thread(task, "households-import-reader");
                    thread.setDaemon(true);
                    thread.start();
                });
        int copied = 0;
        List<ImportProblem> taken = new ArrayList<>();
        try {
            for (Chunk chunk = next(); chunk != END; chunk = next()) {
                taken.addAll(taken(chunk));
                if (taken.isEmpty()) {
                    copy(chunk);
                    copied += chunk.rows;
                }
            }
        } catch (RuntimeException e) {
            cancelled = true;
            chunks.clear();
            throw e;
        }
        int rows;
        try {
            rows = read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (!taken.isEmpty()) {
            taken.sort(Comparator.comparingInt(ImportProblem::line));
            throw new HouseholdImportRefusedException(
                    taken.size() > HouseholdImports.MAX_PROBLEMS
                            ? taken.subList(0, HouseholdImports.MAX_PROBLEMS)
                            : taken);
        }
        log.debug(
                "households import: {} rows read, checked and copied in {} ms",
                copied,
                (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    private Chunk next() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("households import interrupted", e);
        }
    }

    /** Rows of the chunk whose code a household living in the area already has. */
    private List<ImportProblem> taken(Chunk chunk) {
        List<Long> unseen =
                chunk.areas.keySet().stream().filter(a -> !held.containsKey(a)).toList();
        if (!unseen.isEmpty()) {
            unseen.forEach(a -> held.put(a, Set.of()));
            jdbc.sql("SELECT area_id, code FROM household_residence WHERE valid_to IS NULL"
                            + " AND area_id = ANY(CAST(:areas AS bigint[]))")
                    .param("areas", unseen.toArray(Long[]::new))
                    .query(rs -> {
                        held.compute(rs.getLong(1), (k, v) -> v == null || v.isEmpty() ? new HashSet<>() : v)
                                .add(rs.getString(2));
                    });
        }
        List<ImportProblem> problems = new ArrayList<>();
        chunk.areas.forEach((area, rows) -> {
            Set<String> codes = held.get(area);
            if (!codes.isEmpty()) {
                for (int i = 0; i < rows.codes.size(); i++) {
                    if (codes.contains(rows.codes.get(i))) {
                        problems.add(
                                new ImportProblem(rows.lines[i], "households.import.codeTaken", rows.codes.get(i)));
                    }
                }
            }
        });
        return problems;
    }

    private void copy(Chunk chunk) {
        long t0 = System.nanoTime();
        if (connection == null) {
            jdbc.sql("LOCK TABLE household IN SHARE ROW EXCLUSIVE MODE").update();
            connection = DataSourceUtils.getConnection(dataSource);
        }
        long firstId = jdbc.sql("""
                SELECT setval(pg_get_serial_sequence('household', 'id'),
                              nextval(pg_get_serial_sequence('household', 'id')) + :rows - 1) - :rows + 1""").param("rows", chunk.rows).query(Long.class).single();
        List<Area> areas = chunk.areas.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        try {
            copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY household (id, head_name, address, members, catholic) FROM STDIN");
            Numbered households = new Numbered(copy, firstId);
            areas.forEach(area -> households.write(area.households));
            households.end();
            long t1 = System.nanoTime();
            copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY household_residence (household_id, area_id, code, valid_from) FROM STDIN");
            Numbered stays = new Numbered(copy, firstId);
            areas.forEach(area -> stays.write(area.stays));
            stays.end();
            log.debug(
                    "households import: chunk of {} rows, households copied in {} ms, stays in {} ms",
                    chunk.rows,
                    (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // a code taken by somebody else since the check above
                throw new HouseholdImportRefusedException(
                        List.of(new ImportProblem(1, "households.import.codeTakenMeanwhile")));
            }
            throw new IllegalStateException("COPY of households failed", e);
        }
    }

    @Override
    public void close() {
        cancelled = true;
        chunks.clear();
        if (connection == null) {
            return;
        }
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            log.debug("cancelling COPY", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** On the reader's thread: good rows into chunks, handed over when full and at the end. */
    private final class Producer implements Consumer<HouseholdImports.Row> {

        private final StringBuilder sb = new StringBuilder(256);
        private Chunk chunk = new Chunk();

        @Override
        public void accept(HouseholdImports.Row r) {
            if (cancelled) {
                throw new IllegalStateException("households import cancelled");
            }
            Area area = chunk.areas.computeIfAbsent(r.areaId(), k -> new Area());
            sb.setLength(0);
            HouseholdImports.text(sb, r.headName()).append('\t');
            if (r.address() == null) {
                sb.append("\\N");
            } else {
                HouseholdImports.text(sb, r.address());
            }
            sb.append('\t')
                    .append(r.members())
                    .append('\t')
                    .append(r.catholic() ? 't' : 'f')
                    .append('\n');
            area.households.add(sb);
            sb.setLength(0);
            sb.append(r.areaId()).append('\t');
            HouseholdImports.text(sb, r.code()).append('\t').append(from).append('\n');
            area.stays.add(sb);
            area.add(r.code(), r.line());
            if (++chunk.rows == chunkSize) {
                hand(chunk);
                chunk = new Chunk();
            }
        }

        /** The last chunk (unless the file was refused), then the end. */
        void end(boolean good) {
            if (good && chunk.rows > 0) {
                hand(chunk);
            }
            hand(END);
        }

        private void hand(Chunk c) {
            try {
                while (!cancelled && !chunks.offer(c, 100, TimeUnit.MILLISECONDS)) {
                    // the copying thread is busy with the chunk before
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Up to a chunk's size of good rows, by area. */
    private static final class Chunk {

        final Map<Long, Area> areas = new HashMap<>();
        int rows;
    }

    /** The rows of one area in a chunk as COPY lines without their first column (the household id), with their codes and lines. */
    private static final class Area {

        final Lines households = new Lines();
        final Lines stays = new Lines();
        final List<String> codes = new ArrayList<>();
        int[] lines = new int[16];

        void add(String code, int line) {
            if (codes.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[codes.size()] = line;
            codes.add(code);
        }
    }

    /** COPY lines in one growing byte array; a raw line feed only ends a line (COPY escapes the others). */
    private static final class Lines {

        private byte[] bytes = new byte[512];
        private int size;

        void add(CharSequence line) {
            byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
            if (size + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }
    }

    /** Writes lines to a COPY, each prefixed with the next id. */
    private static final class Numbered {

        private final CopyIn copy;
        private final byte[] out = new byte[1 << 16];
        private int used;
        private long nextId;

        Numbered(CopyIn copy, long firstId) {
            this.copy = copy;
            this.nextId = firstId;
        }

        void write(Lines lines) {
            int start = 0;
            for (int i = 0; i < lines.size; i++) {
                if (lines.bytes[i] == '\n') {
                    int length = i + 1 - start;
                    if (used + 21 + length > out.length) {
                        flush();
                    }
                    byte[] id = Long.toString(nextId++).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(id, 0, out, used, id.length);
                    used += id.length;
                    out[used++] = '\t';
                    if (used + length > out.length) {
                        // a line longer than the buffer (a very long address): straight through
                        flush();
                        send(lines.bytes, start, length);
                    } else {
                        System.arraycopy(lines.bytes, start, out, used, length);
                        used += length;
                    }
                    start = i + 1;
                }
            }
        }

        private void flush() {
            send(out, 0, used);
            used = 0;
        }

        private void send(byte[] bytes, int offset, int length) {
            try {
                copy.writeToCopy(bytes, offset, length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of households failed", e);
            }
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }
    }
}
