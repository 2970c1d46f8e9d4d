package vn.tuquan.units;

import vn.tuquan.TestUsers;

import vn.tuquan.shared.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;

/** A malformed list is refused whole, its bad rows named, and the database is left as it was. */
@TuquanTest
class OfficialListRefusalTests {

    @Autowired
    OfficialLists lists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    vn.tuquan.access.UserAccounts accounts;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

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
                () -> lists.importFiles(Caller.SYSTEM, List.of(csv), LocalDate.of(2030, 1, 1), Optional.empty()));

        assertThat(refused.problems()).extracting(ImportRefusedException.Problem::line).containsExactly(3, 4);
        assertThat(snapshotOfTables()).isEqualTo(before);
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(ImportMessages.render(messages, refused.problems().get(0), vi))
                .isEqualTo("danh-muc.csv, dòng 3: mã \"142\" không hợp lệ: mã xã phải có 5 chữ số");
        assertThat(ImportMessages.render(messages, refused.problems().get(1), Locale.ENGLISH))
                .isEqualTo("danh-muc.csv, line 4: code 14236 is already given at 2");
    }

    @Test
    void theUploadPageListsTheBadRowsAndThenImportsAGoodFileOnce() throws Exception {
        TestUsers.administrator(accounts, "quan.tri.danh.muc", "Quản trị danh mục", "mat-khau-danh-muc");
        WebSession session = new WebSession(port);
        session.signIn("quan.tri.danh.muc", "mat-khau-danh-muc");
        String token = session.csrfToken("/units/official-lists");
        Path bad = Files.writeString(dir.resolve("sai.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,Xã Một,99801,Xã,\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,,99802,Xã,\n");
        String before = snapshotOfTables();
        var refused = Jsoup.parse(session.postMultipart("/units/official-lists",
                Map.of("_csrf", token, "asOf", "2031-01-01"), "files", List.of(bad)).body());
        assertThat(refused.select("#import-problems li").eachText())
                .containsExactly("sai.csv, dòng 3: đơn vị mã 99802 không có tên");
        assertThat(snapshotOfTables()).isEqualTo(before);

        Path good = Files.writeString(dir.resolve("dung.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,Xã Một,99801,Xã,\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,Xã Hai,99802,Xã,\n");
        var imported = Jsoup.parse(session.postMultipart("/units/official-lists",
                Map.of("_csrf", token, "asOf", "2031-01-01", "province", "98"), "files", List.of(good)).body());
        assertThat(imported.selectFirst("#import-summary").text()).startsWith("Đã nhập dung.csv theo ngày 2031-01-01: 4 đơn vị mới, 0 thay đổi");
        var again = Jsoup.parse(session.postMultipart("/units/official-lists",
                Map.of("_csrf", token, "asOf", "2031-01-01", "province", "98"), "files", List.of(good)).body());
        assertThat(again.selectFirst("#import-summary").text()).contains(": 0 đơn vị mới, 0 thay đổi, 0 đóng, 4 không đổi");
    }

    private String snapshotOfTables() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM unit) || '/' || (SELECT count(*) FROM unit_version) || '/'
                    || (SELECT count(*) FROM unit_succession) || '/' || (SELECT count(*) FROM unit_import)
                """).query(String.class).single();
    }
}
