package vn.tuquan.demo;

import java.util.List;

/** What a person needs to try the demo: the password shared by every demo login (never for real data). */
public final class DemoLogins {

    /** Printed at start and in the README. */
    public static final String PASSWORD = "demo-nam-dinh-2017";

    private DemoLogins() {}

    /** The demo logins, one per role. */
    public static List<String> usernames() {
        return DemoData.logins().stream().map(DemoData.DemoLogin::username).toList();
    }
}
