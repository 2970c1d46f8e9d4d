package vn.tuquan.order.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.EncryptedColumns;

/** The encrypted columns of the persons' registers, re-encrypted by {@code ./tuquan keys rotate}. */
@Component
public class PersonColumns implements EncryptedColumns {

    public static final List<Column> COLUMNS = List.of(
            Column.of("drug_user", "full_name_enc"),
            Column.of("drug_user", "birth_enc"),
            Column.of("drug_user", "national_id_enc"),
            Column.of("drug_user", "address_enc"),
            Column.of("drug_user_status", "note_enc"),
            Column.of("mediation", "parties_enc"),
            Column.of("re_education", "full_name_enc"),
            Column.of("re_education", "birth_enc"),
            Column.of("re_education", "national_id_enc"),
            Column.of("re_education", "address_enc"));

    @Override
    public List<Column> encryptedColumns() {
        return COLUMNS;
    }
}
