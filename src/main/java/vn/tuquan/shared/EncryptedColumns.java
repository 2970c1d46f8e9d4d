package vn.tuquan.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A module's encrypted columns, declared as a bean so that {@link KeyRotation} re-encrypts them
 * when the data key is rotated. Each column holds {@link FieldCipher} values (or NULL) in a table
 * with a unique key column.
 */
public interface EncryptedColumns {

    List<Column> encryptedColumns();

    /** {@code table.column}, with the table's key column (usually {@code id}). */
    record Column(String table, String idColumn, String column) {

        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

        public Column {
            for (String name : List.of(table, idColumn, column)) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
                }
            }
        }

        public static Column of(String table, String column) {
            return new Column(table, "id", column);
        }
    }
}
