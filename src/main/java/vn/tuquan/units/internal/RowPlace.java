package vn.tuquan.units.internal;

/** Where a row is: a file and a line number (CSV, XLS) or a position (JSON). */
record RowPlace(String file, int line, String position) {

    static RowPlace line(String file, int line) {
        return new RowPlace(file, line, null);
    }

    static RowPlace position(String file, String position) {
        return new RowPlace(file, 0, position);
    }
}
