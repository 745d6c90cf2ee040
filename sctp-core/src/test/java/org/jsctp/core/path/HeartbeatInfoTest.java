package org.jsctp.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CodecAssertions;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.Chunks;
import org.jsctp.core.packet.chunk.HeartbeatAckChunk;
import org.jsctp.core.packet.chunk.HeartbeatChunk;
import org.jsctp.core.packet.param.HeartbeatInfoParameter;
import org.jsctp.core.packet.param.PaddingParameter;
import org.junit.jupiter.api.Test;

class HeartbeatInfoTest {

    private static Chunk decode(byte[] bytes) throws DecodeException {
        return Chunks.decodeNext(WireReader.of(bytes, "test"));
    }

    @Test
    void theInfoRoundTripsThroughItsParameter() {
        HeartbeatInfo info = new HeartbeatInfo(0x7FFF_FFFF, -1L, Long.MIN_VALUE);
        HeartbeatInfoParameter parameter = info.toParameter();
        assertThat(parameter.info().length()).isEqualTo(HeartbeatInfo.LENGTH);
        assertThat(parameter.info().toHex()).startsWith("4a534842" + "7fffffff" + "ffffffffffffffff" + "8000000000000000");
        assertThat(HeartbeatInfo.parse(parameter)).contains(info);
    }

    @Test
    void negativePathIdsAreRefused() {
        assertThatThrownBy(() -> new HeartbeatInfo(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherLayoutsAreNotOurs() {
        assertThat(HeartbeatInfo.parse(new HeartbeatInfoParameter(Bytes.empty()))).isEmpty();
        assertThat(HeartbeatInfo.parse(new HeartbeatInfoParameter(Bytes.wrap(new byte[24])))).isEmpty();
        assertThat(HeartbeatInfo.read(new HeartbeatAckChunk(List.of(PaddingParameter.zeros(4))))).isEmpty();
    }

    @Test
    void theAssociationCanRouteAnAckByThePathIdItCarries() {
        Path p = new Path(5, "addr", PathConfig.defaults());
        HeartbeatChunk hb = p.heartbeatToSend(1, new SeededRandomSource(1));
        assertThat(HeartbeatInfo.read(hb.ack()).map(HeartbeatInfo::pathId)).contains(5);
    }

    /** The whole exchange over the wire: our HEARTBEAT, the peer's answer, our acceptance. */
    @Test
    void aHeartbeatEchoedByThePeerOverTheWireIsAccepted() throws DecodeException {
        Path p = new Path(1, "addr", PathConfig.defaults());
        HeartbeatChunk sent = p.heartbeatToSend(1_000, new SeededRandomSource(3));
        Chunk atPeer = decode(CodecAssertions.encode(sent));
        assertThat(atPeer).isEqualTo(sent);
        HeartbeatAckChunk answer = ((HeartbeatChunk) atPeer).ack();
        Chunk back = decode(CodecAssertions.encode(answer));
        HeartbeatOutcome o = p.onHeartbeatAck((HeartbeatAckChunk) back, 51_000_000);
        p.checkInvariants();
        assertThat(o.accepted()).isTrue();
        assertThat(o.newlyConfirmed()).isTrue();
        assertThat(o.rttNanos()).isEqualTo(50_999_000);
    }

    @Test
    void ignoredOutcomesChangeNothing() {
        assertThatThrownBy(() -> new HeartbeatOutcome(HeartbeatOutcome.Verdict.MALFORMED, PathEvent.BECAME_ACTIVE, false, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HeartbeatOutcome.IGNORED_MALFORMED.accepted()).isFalse();
    }
}
