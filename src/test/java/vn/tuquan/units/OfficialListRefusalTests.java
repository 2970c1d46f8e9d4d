package vn.tuquan.units;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.RefusalMessages;

/** A malformed list is refused whole, its bad rows named, and the database is left as it was. */
@TuquanTest
class OfficialListRefusalTests {

    @Autowired
    OfficialLists lists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RefusalMessages refusals;

    @Autowired
    vn.tuquan.access.UserAccounts accounts;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void aFileWithBadRowsChangesNothingAndSaysWhichRowsAndWhy() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("danh-muc.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Minh,14236,Xã,\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Đông,142,Xã,\n"
                        + "Tỉnh Nam Định,36,Huyện Hải Hậu,366,Xã Hải Anh,14236,Xã,\n");
        String before = snapshotOfTables();

        ImportRefusedException refused = catchThrowableOfType(
                ImportRefusedException.class,
                () -> lists.importFiles(Caller.SYSTEM, List.of(csv), LocalDate.of(2030, 1, 1), Optional.empty()));

        assertThat(refused.problems())
                .extracting(ImportRefusedException.Problem::line)
                .containsExactly(3, 4);
        assertThat(snapshotOfTables()).isEqualTo(before);
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(refusals.message(refused, refused.rows().get(0), vi))
                .isEqualTo("danh-muc.csv, dòng 3: mã \"142\" không hợp lệ: mã xã phải có 5 chữ số");
        assertThat(refusals.message(refused, refused.rows().get(1), Locale.ENGLISH))
                .isEqualTo("danh-muc.csv, line 4: code 14236 is already given at 2");
    }

    @Test
    void theUploadPageListsTheBadRowsAndThenImportsAGoodFileOnce() throws Exception {
        TestUsers.administrator(accounts, "quan.tri.danh.muc", "Quản trị danh mục", "mat-khau-danh-muc");
        WebSession session = new WebSession(port);
        session.signIn("quan.tri.danh.muc", "mat-khau-danh-muc");
        String token = session.csrfToken("/units/official-lists");
        Path bad = Files.writeString(
                dir.resolve("sai.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,Xã Một,99801,Xã,\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,,99802,Xã,\n");
        String before = snapshotOfTables();
        var refused = Jsoup.parse(session.postMultipart(
                        "/units/official-lists", Map.of("_csrf", token, "asOf", "2031-01-01"), "files", List.of(bad))
                .body());
        assertThat(refused.select("#import-problems li").eachText())
                .containsExactly("sai.csv, dòng 3: đơn vị mã 99802 không có tên");
        assertThat(snapshotOfTables()).isEqualTo(before);

        Path good = Files.writeString(
                dir.resolve("dung.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,Xã Một,99801,Xã,\n"
                        + "Tỉnh Thử,98,Huyện Thử,998,Xã Hai,99802,Xã,\n");
        var imported = Jsoup.parse(session.postMultipart(
                        "/units/official-lists",
                        Map.of("_csrf", token, "asOf", "2031-01-01", "province", "98"),
                        "files",
                        List.of(good))
                .body());
        assertThat(imported.selectFirst("#import-summary").text())
                .startsWith("Đã nhập dung.csv theo ngày 2031-01-01: 4 đơn vị mới, 0 thay đổi");
        var again = Jsoup.parse(session.postMultipart(
                        "/units/official-lists",
                        Map.of("_csrf", token, "asOf", "2031-01-01", "province", "98"),
                        "files",
                        List.of(good))
                .body());
        assertThat(again.selectFirst("#import-summary").text())
                .contains(": 0 đơn vị mới, 0 thay đổi, 0 đóng, 4 không đổi");
    }

    /** The same import through the API with a token: 201 and the summary; 422 naming every bad row; 400 naming the field. */
    @Test
    void theApiImportsAListWithTheSameRefusals(@Autowired vn.tuquan.access.PersonalAccessTokens tokens)
            throws Exception {
        TestUsers.administrator(accounts, "quan.tri.api.danh.muc", "Quản trị danh mục API", "mat-khau-danh-muc-api");
        String token = tokens.create("quan.tri.api.danh.muc", "danh mục", 1).token();
        Path bad = Files.writeString(
                dir.resolve("api-sai.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Thử API,97,Huyện Thử,997,Xã Một,99701,Xã,\n"
                        + "Tỉnh Thử API,97,Huyện Thử,997,,99702,Xã,\n");
        String before = snapshotOfTables();
        var refused = multipart(token, Map.of("asOf", "2031-01-01"), List.of(bad), "vi");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        var errors = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(refused.body())
                .get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("file").asString()).isEqualTo("api-sai.csv");
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("api-sai.csv, dòng 3: đơn vị mã 99702 không có tên");
        assertThat(snapshotOfTables()).isEqualTo(before);

        var noDate = multipart(token, Map.of(), List.of(bad), "en");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("\"field\":\"asOf\"");
        var noFile = multipart(token, Map.of("asOf", "2031-01-01"), List.of(), "vi");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("\"field\":\"files\"").contains("Hãy chọn ít nhất một tệp.");
        Path wrongType = Files.writeString(dir.resolve("danh-muc.txt"), "x");
        assertThat(multipart(token, Map.of("asOf", "2031-01-01"), List.of(wrongType), "vi")
                        .statusCode())
                .isEqualTo(400);
        assertThat(snapshotOfTables()).isEqualTo(before);

        Path good = Files.writeString(
                dir.resolve("api-dung.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
                        + "Tỉnh Thử API,97,Huyện Thử,997,Xã Một,99701,Xã,\n"
                        + "Tỉnh Thử API,97,Huyện Thử,997,Xã Hai,99702,Xã,\n");
        var imported = multipart(token, Map.of("asOf", "2031-01-01", "province", "97"), List.of(good), "vi");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var summary = tools.jackson.databind.json.JsonMapper.builder().build().readTree(imported.body());
        assertThat(summary.get("opened").asInt()).isEqualTo(4);
        assertThat(summary.get("asOf").asString()).isEqualTo("2031-01-01");
        var again = multipart(token, Map.of("asOf", "2031-01-01", "province", "97"), List.of(good), "vi");
        assertThat(tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .readTree(again.body())
                        .get("unchanged")
                        .asInt())
                .isEqualTo(4);

        // a person without the import permission is refused
        TestUsers.withRoles(
                accounts,
                "can.bo.khong.nhap",
                "Cán bộ",
                "mat-khau-khong-nhap-2026",
                java.util.Set.of("COMMUNE_OFFICER"),
                vn.tuquan.shared.Scope.WHOLE_COUNTRY,
                vn.tuquan.shared.Scope.WHOLE_COUNTRY);
        String other = tokens.create("can.bo.khong.nhap", "thử", 1).token();
        assertThat(multipart(other, Map.of("asOf", "2031-01-01"), List.of(good), "vi")
                        .statusCode())
                .isEqualTo(403);
    }

    private java.net.http.HttpResponse<String> multipart(
            String token, Map<String, String> fields, List<Path> files, String language) throws Exception {
        String boundary = "----tuquan" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                            + field.getValue() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Path file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/api/v1/units/official-lists"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept-Language", language)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String snapshotOfTables() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM unit) || '/' || (SELECT count(*) FROM unit_version) || '/'
                    || (SELECT count(*) FROM unit_succession) || '/' || (SELECT count(*) FROM unit_import)
                """).query(String.class).single();
    }
}
