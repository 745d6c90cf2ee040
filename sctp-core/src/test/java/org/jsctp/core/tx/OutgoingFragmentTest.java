package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.IDataChunk;
import org.jsctp.core.seq.Fsn;
import org.jsctp.core.seq.Mid;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

class OutgoingFragmentTest {

    private static final OutgoingMessage MESSAGE = OutgoingMessage.of(7, 99, true, Bytes.fromHex("0102030405"));

    @Test
    void aDataFragmentBecomesADataChunkWithTheAssignedTsn() {
        OutgoingFragment f = new OutgoingFragment(7, true, true, false, false, 99, new Ssn(4), null, null,
                MESSAGE.payload().slice(0, 3), MESSAGE);
        DataChunk c = f.toDataChunk(new Tsn(-5), true);
        assertThat(c).isEqualTo(new DataChunk(true, true, true, false, new Tsn(-5), 7, new Ssn(4), 99,
                Bytes.fromHex("010203")));
        assertThatThrownBy(() -> f.toIDataChunk(new Tsn(1), false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstIDataFragmentCarriesThePpidAndLaterOnesTheirFsn() {
        OutgoingFragment first = new OutgoingFragment(7, false, true, false, true, 99, null, new Mid(12), new Fsn(0),
                MESSAGE.payload().slice(0, 3), MESSAGE);
        OutgoingFragment later = new OutgoingFragment(7, false, false, true, true, 99, null, new Mid(12), new Fsn(1),
                MESSAGE.payload().slice(3, 2), MESSAGE);
        assertThat(first.toIDataChunk(new Tsn(10), false)).isEqualTo(IDataChunk.firstFragment(false, false, false,
                new Tsn(10), 7, new Mid(12), 99, Bytes.fromHex("010203")));
        IDataChunk c = later.toIDataChunk(new Tsn(11), false);
        assertThat(c.ppid()).isZero();
        assertThat(c.fsn()).isEqualTo(new Fsn(1));
        assertThat(c.ending()).isTrue();
        assertThatThrownBy(() -> later.toDataChunk(new Tsn(1), false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNumberingMustMatchTheChunkKind() {
        Bytes p = MESSAGE.payload();
        assertThatThrownBy(() -> new OutgoingFragment(7, false, true, true, false, 99, null, new Mid(1), new Fsn(0),
                p, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingFragment(7, false, true, true, true, 99, new Ssn(1), new Mid(1),
                new Fsn(0), p, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingFragment(7, false, true, true, false, 99, new Ssn(1), null, null,
                Bytes.empty(), MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageChecksItsFieldsAndKnowsWhenItExpires() {
        assertThatThrownBy(() -> OutgoingMessage.of(65_536, 0, false, Bytes.fromHex("00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingMessage.of(-1, 0, false, Bytes.fromHex("00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMessage(0, 0, false, Bytes.fromHex("00"), 5, -2, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingMessage.of(0, 0, false, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OutgoingMessage(0, 0, false, Bytes.fromHex("00"), 100, 0, null))
                .as("one PR-SCTP policy per message (RFC 7496 section 4)").isInstanceOf(IllegalArgumentException.class);
        OutgoingMessage timed = new OutgoingMessage(0, 0, false, Bytes.fromHex("00"), 100, OutgoingMessage.UNLIMITED,
                null);
        assertThat(timed.policy()).isEqualTo(PrPolicy.Kind.TTL);
        assertThat(MESSAGE.withPolicy(PrPolicy.parse("rtx:2"), 0).maxRetransmissions()).isEqualTo(2);
        assertThat(MESSAGE.withPolicy(PrPolicy.parse("prio:7"), 0).policy()).isEqualTo(PrPolicy.Kind.PRIO);
        assertThat(MESSAGE.withPolicy(PrPolicy.ttl(5), 10).expiresAtNanos()).isEqualTo(5_000_010L);
        assertThatThrownBy(() -> PrPolicy.parse("ttl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrPolicy.parse("foo:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrPolicy.parse("rtx:-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(timed.expires()).isTrue();
        assertThat(timed.isExpiredAt(99)).isFalse();
        assertThat(timed.isExpiredAt(100)).isTrue();
        assertThat(MESSAGE.expires()).isFalse();
        assertThat(MESSAGE.isExpiredAt(Long.MAX_VALUE)).isFalse();
    }
}
