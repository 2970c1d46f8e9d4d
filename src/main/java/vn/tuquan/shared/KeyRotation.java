package vn.tuquan.shared;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the data key: a new key file becomes the current key, then every registered encrypted
 * column is re-encrypted with it in batches, each batch its own transaction (a stopped rotation
 * is resumed by running it again; values not yet re-encrypted stay readable with the old key).
 * It may run while Tuquan serves on the same key directory: the server reads the new key file at
 * its next encryption or at the first value it cannot read with the keys it has ({@link FieldCipher}).
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<EncryptedColumns> registered;
    private final ApplicationEventPublisher events;

    KeyRotation(
            FieldCipher cipher,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ObjectProvider<EncryptedColumns> registered,
            ApplicationEventPublisher events) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.registered = registered;
        this.events = events;
    }

    /** Every column the modules registered. */
    public List<EncryptedColumns.Column> registeredColumns() {
        return registered
                .orderedStream()
                .flatMap(r -> r.encryptedColumns().stream())
                .toList();
    }

    /**
     * Creates a new key and re-encrypts every registered column with it.
     *
     * @throws IllegalStateException when the key comes from {@code TUQUAN_DATA_KEY}
     */
    public DataKeyRotated rotate(int batchSize) {
        if (cipher.keyFromEnvironment()) {
            throw new IllegalStateException("TUQUAN_DATA_KEY is set: key files are not rotated");
        }
        String keyId = cipher.newKey();
        log.info("New data key {} created; re-encrypting", keyId);
        long count = reencryptAll(registeredColumns(), batchSize);
        // A running server (this command may run beside it) encrypts with the new key from its first write after the
        // key file appeared; a value it encrypted just before and committed after the pass went by is caught here.
        count += reencryptAll(registeredColumns(), batchSize);
        DataKeyRotated rotated = new DataKeyRotated(keyId, count);
        transactions.executeWithoutResult(status -> events.publishEvent(rotated));
        return rotated;
    }

    /**
     * Re-encrypts with the current key every value of the columns not yet encrypted with it,
     * {@code batchSize} rows a transaction. Safe to run again, and beside the running application:
     * a value changed meanwhile is left alone (the change wrote it with the current key).
     *
     * @return how many values were re-encrypted
     */
    public long reencryptAll(List<EncryptedColumns.Column> columns, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        long total = 0;
        for (EncryptedColumns.Column c : columns) {
            long done = 0;
            Object after = null;
            while (true) {
                Object from = after;
                List<Map.Entry<Object, String>> batch = jdbc.sql("SELECT " + c.idColumn() + ", " + c.column()
                                + " FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL AND " + c.column()
                                + " NOT LIKE :current" + (from == null ? "" : " AND " + c.idColumn() + " > :after")
                                + " ORDER BY " + c.idColumn() + " LIMIT :n")
                        .param("current", "v1:" + cipher.currentKeyId() + ":%")
                        .param("n", batchSize)
                        .params(from == null ? Map.of() : Map.of("after", from))
                        .query((rs, n) -> Map.entry(rs.getObject(1), rs.getString(2)))
                        .list();
                if (batch.isEmpty()) {
                    break;
                }
                Integer changed = transactions.execute(status -> {
                    int n = 0;
                    for (Map.Entry<Object, String> row : batch) {
                        n += jdbc.sql("UPDATE " + c.table() + " SET " + c.column() + " = :new WHERE " + c.idColumn()
                                        + " = :id AND " + c.column() + " = :old")
                                .param("new", cipher.encrypt(cipher.decrypt(row.getValue())))
                                .param("id", row.getKey())
                                .param("old", row.getValue())
                                .update();
                    }
                    return n;
                });
                done += changed == null ? 0 : changed;
                after = batch.get(batch.size() - 1).getKey();
            }
            log.info("Re-encrypted {} values of {}.{}", done, c.table(), c.column());
            total += done;
        }
        return total;
    }
}
