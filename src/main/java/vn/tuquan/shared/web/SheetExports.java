package vn.tuquan.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every Excel export of Tuquan goes through here, so that none loses rows, whatever their number.
 *
 * <p>An export is a {@link Layout} (sheet name, an optional title row, the header row) and its
 * {@link Rows}: a module's handler first checks what it is asked (scope, filter: a refusal is then
 * an ordinary error answer), then calls {@link #send}, whose rows come from the module's services one
 * at a time — through a PostgreSQL cursor ({@link #FETCH_SIZE} rows fetched at a time), never a list
 * of everything and never a limit. The rows are read in one read-only transaction (one snapshot: the
 * file is what the registers held at one instant) and written into POI's streaming workbook, which
 * keeps {@link #WINDOW} rows in memory and the rest in a compressed temporary file; the workbook is
 * then written straight to the response and its temporary file deleted, also when anything fails.
 * A sheet holds at most Excel's 1,048,576 rows: the rows after go on to a second sheet (and a
 * third …) under the same title and header, never dropped.
 *
 * <p>A sensitive register's {@code each} method publishes one audit entry per export naming every
 * record sent (docs/security.md).
 */
@Component
@NamedInterface("exports")
public class SheetExports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The rows a registers' cursor fetches from PostgreSQL at a time (in the export's transaction). */
    public static final int FETCH_SIZE = 1000;
    /** The rows the workbook keeps in memory; earlier rows are flushed to its temporary file. */
    static final int WINDOW = 100;

    static final int COLUMN_WIDTH = 22 * 256;

    private final MessageSource messages;
    private final TransactionTemplate snapshot;
    private final int rowsPerSheet;

    @Autowired
    SheetExports(MessageSource messages, PlatformTransactionManager transactions) {
        this(messages, transactions, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    SheetExports(MessageSource messages, PlatformTransactionManager transactions, int rowsPerSheet) {
        this.messages = messages;
        this.rowsPerSheet = rowsPerSheet;
        if (transactions == null) {
            this.snapshot = null;
        } else {
            this.snapshot = new TransactionTemplate(transactions);
            snapshot.setReadOnly(true);
            snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        }
    }

    /**
     * What a sheet shows above its rows.
     *
     * @param sheetKey   message key of the sheet's name, or {@code null} for POI's default name
     * @param title      a first row (the unit and the date or period), or {@code null} for none
     * @param headers    the columns: message keys, or the texts themselves when {@code translate} is false
     * @param translate  whether the headers are message keys
     */
    public record Layout(String sheetKey, String title, List<String> headers, boolean translate) {

        public Layout {
            headers = List.copyOf(headers);
        }

        /** A sheet named by a message key, with header message keys. */
        public static Layout of(String sheetKey, List<String> headerKeys) {
            return new Layout(sheetKey, null, headerKeys, true);
        }

        /** A sheet of POI's default name whose header is these texts (a template to fill in). */
        public static Layout plain(List<String> headerTexts) {
            return new Layout(null, null, headerTexts, false);
        }

        /** The same with a title row above the header. */
        public Layout titled(String text) {
            return new Layout(sheetKey, text, headers, translate);
        }
    }

    /** Writes the export's rows into the sheet, one {@link Sink#row} call a record. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Sink sink);
    }

    /**
     * Takes one row at a time: cells left to right, each a {@link String}, a {@link Number}, a
     * {@link LocalDate} (a date cell shown 31/10/2017), a {@link Boolean} or {@code null} (an empty
     * cell); anything else is written as its text.
     */
    public interface Sink {

        void row(List<?> cells);

        default void row(Object... cells) {
            row(Arrays.asList(cells));
        }
    }

    /**
     * Streams the workbook as an attachment named {@code fileName}: the rows are read and written
     * first (an exception then is an ordinary error answer: nothing was sent), then the file.
     */
    public void send(HttpServletResponse response, String fileName, Layout layout, Rows rows) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            book.setCompressTempFiles(true);
            fill(book, layout, rows, locale);
            response.setContentType(XLSX);
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(fileName, StandardCharsets.UTF_8)
                            .build()
                            .toString());
            OutputStream out = response.getOutputStream();
            book.write(out);
            out.flush();
        } finally {
            book.dispose();
            book.close();
        }
    }

    /** The same workbook into a stream (tests, commands). */
    void write(OutputStream out, Layout layout, Rows rows, Locale locale) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            book.setCompressTempFiles(true);
            fill(book, layout, rows, locale);
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }

    private void fill(SXSSFWorkbook book, Layout layout, Rows rows, Locale locale) {
        SheetWriter writer = new SheetWriter(book, layout, locale);
        if (snapshot == null) {
            rows.writeTo(writer);
        } else {
            snapshot.executeWithoutResult(status -> rows.writeTo(writer));
        }
    }

    /** Writes rows into the current sheet, opening the next one when a sheet is full. */
    private final class SheetWriter implements Sink {

        private final SXSSFWorkbook book;
        private final Layout layout;
        private final Locale locale;
        private final CellStyle dates;
        private final String baseName;
        private SXSSFSheet sheet;
        private int sheets;
        private int next;

        SheetWriter(SXSSFWorkbook book, Layout layout, Locale locale) {
            this.book = book;
            this.layout = layout;
            this.locale = locale;
            this.dates = book.createCellStyle();
            dates.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            this.baseName = layout.sheetKey() == null
                    ? null
                    : WorkbookUtil.createSafeSheetName(messages.getMessage(layout.sheetKey(), null, locale));
            open();
        }

        private void open() {
            sheets++;
            if (baseName == null) {
                sheet = book.createSheet();
            } else if (sheets == 1) {
                sheet = book.createSheet(baseName);
            } else {
                String suffix = " (" + sheets + ")";
                sheet = book.createSheet(
                        baseName.substring(0, Math.min(baseName.length(), 31 - suffix.length())) + suffix);
            }
            next = 0;
            if (layout.title() != null) {
                sheet.createRow(next++).createCell(0).setCellValue(layout.title());
            }
            Row header = sheet.createRow(next++);
            for (int i = 0; i < layout.headers().size(); i++) {
                String text = layout.headers().get(i);
                header.createCell(i).setCellValue(layout.translate() ? messages.getMessage(text, null, locale) : text);
                sheet.setColumnWidth(i, COLUMN_WIDTH);
            }
        }

        @Override
        public void row(List<?> cells) {
            if (next >= rowsPerSheet) {
                open();
            }
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dates);
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
    }
}
