package org.jsctp.core.seq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 1982 comparison of ASCONF serial numbers (RFC 5061 section 4.1.1) across the wrap. */
class AsconfSerialTest {

    @Test
    void comparesAcrossTheWrap() {
        AsconfSerial last = AsconfSerial.of(Tsn.of(0xFFFF_FFFFL));

        assertThat(last.next()).isEqualTo(new AsconfSerial(0));
        assertThat(last.next().previous()).isEqualTo(last);
        assertThat(last.isBefore(last.next())).isTrue();
        assertThat(last.next().isAfter(last)).isTrue();
        assertThat(last.isAtOrBefore(last)).isTrue();
        assertThat(last.next().isAtOrBefore(last)).isFalse();
        assertThat(last.unsigned()).isEqualTo(0xFFFF_FFFFL);
        assertThat(last).hasToString("4294967295");
    }

    @Test
    void theFirstSerialIsTheInitialTsn() {
        assertThat(AsconfSerial.of(new Tsn(0x424A5A0A)).value()).isEqualTo(0x424A5A0A);
    }
}
