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
    void theCachedKeysGiveEachCookieTheMacOfItsOwnSecretAcrossRotations() {
        // The sealer keeps a keyed Mac per accepted secret; interleaving the two secrets and
        // rotating must never MAC with the wrong one. A twin with the same secrets that only seals
        // (one key at a time) is the reference.
        StateCookieSealer twin = new StateCookieSealer(new CookieSecrets(new SeededRandomSource(42), 0, ROTATION), LIFE);
        Bytes old = sealer.seal(TCB, ROTATION - SECOND, LIFE);
        assertThat(twin.seal(TCB, ROTATION - SECOND, LIFE)).isEqualTo(old);
        for (int i = 0; i < 4; i++) {
            long now = ROTATION + i;
            Bytes fresh = sealer.seal(TCB, now, LIFE);
            assertThat(sealer.open(old, now)).isInstanceOf(CookieCheck.Valid.class);
            assertThat(twin.seal(TCB, now, LIFE)).isEqualTo(fresh);
            assertThat(sealer.open(fresh, now)).isInstanceOf(CookieCheck.Valid.class);
        }
        Bytes lastOfItsSecret = sealer.seal(TCB, 2 * ROTATION - SECOND, LIFE);
        Bytes newest = sealer.seal(TCB, 2 * ROTATION, LIFE);
        assertThat(twin.seal(TCB, 2 * ROTATION, LIFE)).isEqualTo(newest);
        assertThat(sealer.open(old, 2 * ROTATION)).isInstanceOf(CookieCheck.Forged.class); // retired
        assertThat(sealer.open(newest, 2 * ROTATION)).isInstanceOf(CookieCheck.Valid.class);
        assertThat(sealer.open(lastOfItsSecret, 2 * ROTATION)).isInstanceOf(CookieCheck.Valid.class);
        assertThat(sealer.open(newest, 2 * ROTATION + 1)).isInstanceOf(CookieCheck.Valid.class);
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
