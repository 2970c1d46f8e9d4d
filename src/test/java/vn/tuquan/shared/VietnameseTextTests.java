package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Xã Hoà Bình|Xã Hòa Bình",
                "Xã Hòa Bình|Xã Hòa Bình",
                "Phường Thuỷ Châu|Phường Thủy Châu",
                "Xã Khoẻ|Xã Khỏe",
                "Xã Quý Lộc|Xã Quý Lộc",
                "Xã Hoàn Sơn|Xã Hoàn Sơn",
                "Xã Thoại Sơn|Xã Thoại Sơn",
                "Xã Toàn Thắng|Xã Toàn Thắng",
                "  Xã   Đồng  Văn |Xã Đồng Văn",
                "Xã Ea H’leo|Xã Ea H'leo",
                "Thị trấn Cồn|Thị trấn Cồn"
            })
    void namesGetOneForm(String input, String expected) {
        assertThat(VietnameseText.normaliseName(input)).isEqualTo(expected);
        assertThat(VietnameseText.normaliseName(Normalizer.normalize(input, Normalizer.Form.NFD)))
                .as("decomposed input")
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Hải Hậu, hai hau", "ĐỒNG VĂN, dong van", "Xã Hoà Bình, xa hoa binh"})
    void foldsLikeTheDatabase(String input, String folded) {
        assertThat(VietnameseText.fold(input)).isEqualTo(folded);
    }

    @org.junit.jupiter.api.Test
    void namesWithNumbersSortAsPeopleReadThem() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(
                "Xóm 10",
                "Xóm 2",
                "Xóm 1",
                "Xóm 11",
                "Tổ dân phố số 09",
                "Tổ dân phố số 8",
                "Đội 3",
                "Dốc Đá",
                "X10",
                "X9",
                "An Bình"));
        names.add(null);
        names.sort(VietnameseText.NATURAL);
        org.assertj.core.api.Assertions.assertThat(names)
                .containsExactly(
                        "An Bình",
                        "Dốc Đá",
                        "Đội 3",
                        "Tổ dân phố số 8",
                        "Tổ dân phố số 09",
                        "X9",
                        "X10",
                        "Xóm 1",
                        "Xóm 2",
                        "Xóm 10",
                        "Xóm 11",
                        null);
    }
}
