package vn.tuquan.order;

import java.util.List;

/** One bad row of an incidents file: its line, the column it is about (null: the row or the file), and why. */
public record IncidentImportProblem(int line, String column, String key, List<Object> args) {}
