package vn.tuquan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The TOTP implementation against the test vectors of RFC 6238 (appendix B) and RFC 4648. */
class TotpTests {

    /** RFC 6238's SHA-1 seed: the ASCII string "12345678901234567890". */
    static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theRfc6238VectorsForSha1() {
        long[][] vectors = {
            {59, 94287082},
            {1111111109, 7081804},
            {1111111111, 14050471},
            {1234567890, 89005924},
            {2000000000, 69279037},
            {20000000000L, 65353130}
        };
        for (long[] vector : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(vector[0]));
            assertThat(Totp.hotp("HmacSHA1", SEED, step, 8))
                    .as("T=" + vector[0])
                    .isEqualTo(String.format("%08d", vector[1]));
        }
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        String secret = Totp.base32(SEED);
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Totp.base32Decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
        assertThat(new String(Totp.base32Decode("mzxw 6ytb oi"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32Decode(secret)).hasSize(20);
    }

    @Test
    void oneStepOfDriftIsAcceptedEitherWayAndNoMore() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        String farAway = Totp.code(secret, step - 5);
        if (!farAway.equals(Totp.code(secret, step))
                && !farAway.equals(Totp.code(secret, step - 1))
                && !farAway.equals(Totp.code(secret, step + 1))) {
            assertThat(Totp.matchingStep(secret, farAway, now)).isEmpty();
        }
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void theOtpauthUriNamesTheIssuerAndTheAccount() {
        assertThat(Totp.otpauthUri("Tuquan", "canbo.xa", "JBSWY3DPEHPK3PXP"))
                .isEqualTo(
                        "otpauth://totp/Tuquan:canbo.xa?secret=JBSWY3DPEHPK3PXP&issuer=Tuquan&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCodes.svg("otpauth://totp/Tuquan:x?secret=JBSWY3DPEHPK3PXP"))
                .startsWith("<svg")
                .contains("<path");
    }
}
