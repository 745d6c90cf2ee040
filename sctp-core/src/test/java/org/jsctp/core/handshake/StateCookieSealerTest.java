package org.jsctp.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.junit.jupiter.api.Test;

class StateCookieSealerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long LIFE = 60 * SECOND;
    private static final long ROTATION = 300 * SECOND;
    private static final Bytes TCB = Bytes.wrap("tags, TSNs, streams".getBytes(StandardCharsets.US_ASCII));

    private final CookieSecrets secrets = new CookieSecrets(new SeededRandomSource(42), 0, ROTATION);
    private final StateCookieSealer sealer = new StateCookieSealer(secrets, LIFE);

    @Test
    void aFreshCookieOpensToWhatWasSealed() {
        Bytes cookie = sealer.seal(TCB, 5 * SECOND, LIFE);
        assertThat(cookie.length()).isEqualTo(StateCookieSealer.sealedLength(TCB.length()));
        assertThat(sealer.open(cookie, 6 * SECOND)).isEqualTo(new CookieCheck.Valid(TCB, 5 * SECOND));
    }

    @Test
    void everyChangedByteMakesTheCookieForged() {
        byte[] cookie = sealer.seal(TCB, 0, LIFE).toByteArray();
        for (int i = 0; i < cookie.length; i++) {
            byte[] tampered = cookie.clone();
            tampered[i] ^= 0x01;
            assertThat(sealer.open(Bytes.wrap(tampered), SECOND)).as("byte %d changed", i)
                    .isInstanceOf(CookieCheck.Forged.class);
        }
    }

    @Test
    void aCookiePastItsLifeIsStaleWithTheMeasureInMicroseconds() {
        Bytes cookie = sealer.seal(TCB, 0, LIFE);
        assertThat(sealer.open(cookie, LIFE)).isInstanceOf(CookieCheck.Valid.class);
        assertThat(sealer.open(cookie, LIFE + 1500 * 1000L)).isEqualTo(new CookieCheck.Stale(TCB, 1500));
    }

    @Test
    void cookiesFromAnotherEndpointAreForgedEvenWithTheSameLayout() {
        StateCookieSealer other = new StateCookieSealer(new CookieSecrets(new SeededRandomSource(7), 0, ROTATION), LIFE);
        assertThat(sealer.open(other.seal(TCB, 0, LIFE), SECOND)).isInstanceOf(CookieCheck.Forged.class);
    }

    @Test
    void aCookieMadeJustBeforeARotationIsStillAcceptedAfterIt() {
        Bytes cookie = sealer.seal(TCB, ROTATION - SECOND, LIFE);
        assertThat(sealer.open(cookie, ROTATION + SECOND)).isInstanceOf(CookieCheck.Valid.class);
    }

    @Test
    void aSecretTwoRotationsOldIsNoLongerAccepted() {
        Bytes cookie = sealer.seal(TCB, 0, LIFE);
        sealer.seal(TCB, ROTATION, LIFE);
        assertThat(sealer.open(cookie, 2 * ROTATION)).isInstanceOf(CookieCheck.Forged.class);
    }

    @Test
    void truncatedOrEmptyCookiesAreForgedNotErrors() {
        byte[] cookie = sealer.seal(TCB, 0, LIFE).toByteArray();
        for (int n = 0; n < cookie.length; n++) {
            assertThat(sealer.open(Bytes.wrap(java.util.Arrays.copyOf(cookie, n)), SECOND))
                    .isInstanceOf(CookieCheck.Forged.class);
        }
    }

    @Test
    void theSameSeedSealsTheSameBytes() {
        StateCookieSealer twin = new StateCookieSealer(new CookieSecrets(new SeededRandomSource(42), 0, ROTATION), LIFE);
        assertThat(twin.seal(TCB, 3, LIFE)).isEqualTo(sealer.seal(TCB, 3, LIFE));
    }

    @Test
    void cookiesMayNotOutliveTheSecrets() {
        assertThatThrownBy(() -> new StateCookieSealer(secrets, ROTATION + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFuzzingModeSkipsOnlyTheMac() {
        StateCookieSealer fuzzing = new StateCookieSealer(secrets, LIFE, CookieCheckMode.FUZZING_SKIP_MAC);
        byte[] cookie = sealer.seal(TCB, 0, LIFE).toByteArray();
        cookie[cookie.length - 1] ^= 0x01;
        assertThat(sealer.open(Bytes.wrap(cookie), SECOND)).isInstanceOf(CookieCheck.Forged.class);
        assertThat(fuzzing.open(Bytes.wrap(cookie), SECOND)).isEqualTo(new CookieCheck.Valid(TCB, 0));
        assertThat(fuzzing.open(Bytes.wrap(cookie), LIFE + 1000)).isEqualTo(new CookieCheck.Stale(TCB, 1));
        assertThat(fuzzing.open(Bytes.wrap(new byte[10]), SECOND)).isInstanceOf(CookieCheck.Forged.class);
    }
}
