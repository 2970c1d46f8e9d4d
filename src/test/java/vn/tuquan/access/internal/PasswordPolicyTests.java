package vn.tuquan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NIST SP 800-63B: length, a list of common passwords, no composition rules. */
class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void lengthFrom12To128CountedInCharactersNotBytes() {
        assertThat(policy.problem("canbo.xa", "ngan-qua-11")).hasValue("password.error.tooShort");
        assertThat(policy.problem("canbo.xa", "")).hasValue("password.error.tooShort");
        assertThat(policy.problem("canbo.xa", "đồng lúa xanh")).isEmpty();
        assertThat(policy.problem("canbo.xa", "ơơơơơơơơơơơ"))
                .as("11 Vietnamese letters, 22 bytes")
                .hasValue("password.error.tooShort");
        assertThat(policy.problem("canbo.xa", "a".repeat(64) + "b".repeat(64))).isEmpty();
        assertThat(policy.problem("canbo.xa", "a".repeat(64) + "b".repeat(65))).hasValue("password.error.tooLong");
    }

    @Test
    void noCompositionRules() {
        assertThat(policy.problem("canbo.xa", "trời hôm nay rất đẹp")).isEmpty();
        assertThat(policy.problem("canbo.xa", "onlylowercaseletters")).isEmpty();
    }

    @Test
    void commonPasswordsAndTheUsernameAreRefused() {
        assertThat(policy.commonCount()).isGreaterThan(2000);
        for (String common : new String[] {
            "123456789012",
            "password1234",
            "Matkhau12345",
            "tuquan123456",
            "qwertyuiop123",
            "Password@2024",
            "111111111111",
            "anhyeuem1234",
            "TUQUAN-DEMO-2017"
        }) {
            assertThat(policy.problem("x1", common)).as(common).hasValue("password.error.common");
        }
        assertThat(policy.problem("canbo.xa", "toi-la-CANBO.XA-nhe")).hasValue("password.error.containsUsername");
        assertThat(policy.problem("canbo.xa", "demo-nam-dinh-2017"))
                .as("the demo password")
                .isEmpty();
    }
}
