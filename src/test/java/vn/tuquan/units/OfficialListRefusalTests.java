package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanTest;

/** A malformed list is refused whole, its bad rows named, and the database is left as it was. */
@TuquanTest
class OfficialListRefusalTests {

    @Autowired
    OfficialLists lists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @TempDir
    Path dir;

    @Test
    void aFileWithBadRowsChangesNothingAndSaysWhichRowsAndWhy() throws Exception {
        Path csv = Files.writeString(dir.resolve("danh-muc.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Minh,14236,Xã,\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Đông,142,Xã,\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Anh,14236,Xã,\n");
        String before = snapshotOfTables();

        ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
                () -> lists.importFiles(List.of(csv), LocalDate.of(2030, 1, 1), Optional.empty()));

        assertThat(refused.problems()).extracting(ImportRefusedException.Problem::line).containsExactly(3, 4);
        assertThat(snapshotOfTables()).isEqualTo(before);
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(ImportMessages.render(messages, refused.problems().get(0), vi))
                .isEqualTo("danh-muc.csv, dòng 3: mã \"142\" không hợp lệ: mã xã phải có 5 chữ số");
        assertThat(ImportMessages.render(messages, refused.problems().get(1), Locale.ENGLISH))
                .isEqualTo("danh-muc.csv, line 4: code 14236 is already given at 2");
    }

    private String snapshotOfTables() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM unit) || '/' || (SELECT count(*) FROM unit_version) || '/'
                    || (SELECT count(*) FROM unit_succession) || '/' || (SELECT count(*) FROM unit_import)
                """).query(String.class).single();
    }
}
