package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.TuquanTest;

@TuquanTest
class SearchFoldTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest
    @CsvSource({
        "Hải Hậu, hai hau",
        "ĐỒNG VĂN, dong van",
        "Xã Nghĩa Hưng, xa nghia hung",
        "Thị trấn Cồn, thi tran con",
        "Phường Lộc Hạ, phuong loc ha",
        "Ứng Hòa, ung hoa",
        "đặc khu Côn Đảo, dac khu con dao"
    })
    void foldsVietnameseForSearch(String text, String folded) {
        assertThat(fold(text)).isEqualTo(folded);
        assertThat(fold(Normalizer.normalize(text, Normalizer.Form.NFD)))
                .as("decomposed input folds the same")
                .isEqualTo(folded);
    }

    @Test
    void isImmutableSoAnIndexCanFindHaiHauFromHaiHau() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("CREATE TEMP TABLE search_fold_probe (name text) ON COMMIT DROP")
                    .update();
            jdbc.sql("INSERT INTO search_fold_probe VALUES ('Hải Hậu'), ('Hải Phòng'), ('Giao Thủy')")
                    .update();
            jdbc.sql("CREATE INDEX search_fold_probe_idx ON search_fold_probe "
                            + "USING gin (search_fold(name) gin_trgm_ops)")
                    .update();
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            assertThat(jdbc.sql("SELECT name FROM search_fold_probe "
                                    + "WHERE search_fold(name) LIKE '%' || search_fold(:q) || '%'")
                            .param("q", "hai hau")
                            .query(String.class)
                            .list())
                    .containsExactly("Hải Hậu");
            String plan = String.join(
                    "\n",
                    jdbc.sql("EXPLAIN SELECT name FROM search_fold_probe " + "WHERE search_fold(name) LIKE '%hai hau%'")
                            .query(String.class)
                            .list());
            assertThat(plan).contains("search_fold_probe_idx");
            tx.setRollbackOnly();
        });
    }

    private String fold(String text) {
        return jdbc.sql("SELECT search_fold(:t)")
                .param("t", text)
                .query(String.class)
                .single();
    }
}
