package vn.tuquan.order;

/** A file of incidents was imported, all rows at once (one audit entry per file). */
public record IncidentsImported(String fileName, int incidents, Long unitId) {}
