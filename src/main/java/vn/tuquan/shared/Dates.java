package vn.tuquan.shared;

import java.time.LocalDate;
import java.time.ZoneId;

/** Vietnam's time zone: "today" in Tuquan is today in Vietnam, wherever the server runs. */
public final class Dates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Dates() {
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
