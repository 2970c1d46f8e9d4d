package vn.tuquan.units.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads the first sheet of a legacy {@code .xls} file as rows of text cells, at the record level.
 * The GSO's exports lack records that POI's workbook model insists on ("Found EOFRecord before
 * WindowTwoRecord"), so the workbook model cannot open them; the cell records themselves are fine.
 */
final class XlsSheet {

    private XlsSheet() {}

    /** Rows in sheet order; each row is its cells by column index (missing cells are absent). */
    static List<Map<Integer, String>> read(Path file) throws IOException {
        Map<Integer, Map<Integer, String>> rows = new TreeMap<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
                InputStream in = fs.createDocumentInputStream(workbookEntry(fs))) {
            RecordFactoryInputStream records = new RecordFactoryInputStream(in, true);
            SSTRecord strings = null;
            int worksheets = 0;
            org.apache.poi.hssf.record.Record record;
            while ((record = records.nextRecord()) != null) {
                if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET && ++worksheets > 1) {
                    break;
                }
                if (record instanceof SSTRecord sst) {
                    strings = sst;
                } else if (record instanceof LabelSSTRecord label && strings != null) {
                    put(
                            rows,
                            label.getRow(),
                            label.getColumn(),
                            strings.getString(label.getSSTIndex()).getString());
                } else if (record instanceof LabelRecord label) {
                    put(rows, label.getRow(), label.getColumn(), label.getValue());
                } else if (record instanceof NumberRecord number) {
                    double value = number.getValue();
                    put(
                            rows,
                            number.getRow(),
                            number.getColumn(),
                            value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
                }
            }
        }
        List<Map<Integer, String>> result = new ArrayList<>();
        int last = rows.isEmpty() ? -1 : ((TreeMap<Integer, Map<Integer, String>>) rows).lastKey();
        for (int r = 0; r <= last; r++) {
            result.add(rows.getOrDefault(r, Map.of()));
        }
        return result;
    }

    private static String workbookEntry(POIFSFileSystem fs) {
        return fs.getRoot().hasEntry("Workbook") ? "Workbook" : "Book";
    }

    private static void put(Map<Integer, Map<Integer, String>> rows, int row, int column, String value) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
    }
}
