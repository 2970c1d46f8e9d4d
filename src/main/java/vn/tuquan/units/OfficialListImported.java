package vn.tuquan.units;

/**
 * An official list or a succession mapping changed the tree (published in the importing
 * transaction; an import that changed nothing publishes nothing).
 *
 * @param province the province the import was limited to, or {@code null}
 */
public record OfficialListImported(ImportSummary summary, String province) {}
