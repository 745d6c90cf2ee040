package org.jsctp.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.cause.UnrecognizedChunkTypeCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.GapAckBlock;
import org.jsctp.core.packet.chunk.ReconfigChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.param.OutgoingSsnResetRequestParameter;
import org.jsctp.core.packet.param.ReconfigurationResponseParameter;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Chunks with the right verification tag but lying contents, as a misbehaving peer or an on-path
 * attacker sends them: SACKs for TSNs never sent, absurd Gap Ack Blocks, huge duplicate lists,
 * FORWARD TSN beyond anything sent, floods of RE-CONFIG (not implemented: skipped per its type's
 * high bits). Each is either survived with the association consistent and transferring, or ends
 * it with an ABORT carrying a Protocol Violation cause and a reason for the user.
 */
class ProtocolAbuseTest {

    @Test
    @DisplayName("a SACK acknowledging TSNs never sent ends the association with a Protocol Violation (RFC 9260 6.2.1)")
    void aSackForTsnsNeverSentIsAProtocolViolation() {
        AttackedPair p = new AttackedPair();
        sendUnacknowledged(p, 2);
        Tsn highestSent = p.target.localInitialTsn().plus(1);
        List<SctpPacket> answers = p.inject(p.target.localTag(), SackChunk.of(highestSent.plus(100), 65536));
        assertAbortedWithProtocolViolation(p, answers);
        assertThat(AttackedPair.lostReason(p.server)).contains("never sent");
    }

    @Test
    @DisplayName("a SHUTDOWN acknowledging TSNs never sent acknowledges nothing, and the shutdown waits for the SACK (RFC 9260 9.2; pion/sctp)")
    void aShutdownForTsnsNeverSentAcknowledgesNothingAndTheShutdownGoesOn() {
        AttackedPair p = new AttackedPair();
        List<Integer> toClient = new ArrayList<>();
        p.net.setTracer((now, to, packet) -> {
            if (to == p.client) {
                p.decode(packet).chunks().forEach(c -> toClient.add(c.type()));
            }
        });
        sendUnacknowledged(p, 2);
        Tsn highestSent = p.target.localInitialTsn().plus(1);

        List<SctpPacket> answers = p.inject(p.target.localTag(), new ShutdownChunk(highestSent.plus(100)));

        assertThat(answers.stream().flatMap(a -> a.chunks().stream()))
                .noneMatch(c -> c instanceof AbortChunk || c instanceof ShutdownAckChunk);
        assertThat(p.target.state()).isEqualTo(AssociationState.SHUTDOWN_RECEIVED);
        // The two messages are still outstanding; the client's (delayed) SACK acknowledges them,
        // and only then does the SHUTDOWN ACK leave.
        p.net.runUntil(() -> toClient.contains(ChunkType.SHUTDOWN_ACK), p.net.now() + 5 * AttackedPair.S, 10_000);
        assertThat(toClient).contains(ChunkType.SHUTDOWN_ACK).doesNotContain(ChunkType.ABORT);
        assertThat(AttackedPair.lost(p.server)).isFalse();
        p.target.checkInvariants();
    }

    @Test
    @DisplayName("a Gap Ack Block past the highest TSN sent is a Protocol Violation too")
    void aGapBlockBeyondWhatWasSentIsAProtocolViolation() {
        AttackedPair p = new AttackedPair();
        sendUnacknowledged(p, 2);
        Tsn beforeFirst = p.target.localInitialTsn().previous();
        List<SctpPacket> answers = p.inject(p.target.localTag(),
                new SackChunk(beforeFirst, 65536, List.of(new GapAckBlock(2, 65535)), List.of()));
        assertAbortedWithProtocolViolation(p, answers);
    }

    @Test
    @DisplayName("reversed, zero, overlapping and thousands of Gap Ack Blocks, and 16,000 duplicate TSNs, are survived")
    void absurdButHarmlessSacksAreSurvived() {
        AttackedPair p = new AttackedPair();
        sendUnacknowledged(p, 4);
        Tsn beforeFirst = p.target.localInitialTsn().previous();
        int tag = p.target.localTag();
        p.inject(tag, new SackChunk(beforeFirst, 65536, List.of(new GapAckBlock(3, 2), new GapAckBlock(0, 0),
                new GapAckBlock(0, 4)), List.of()));
        p.inject(tag, new SackChunk(beforeFirst, 65536, List.of(new GapAckBlock(2, 3), new GapAckBlock(2, 4),
                new GapAckBlock(3, 3), new GapAckBlock(2, 2)), List.of()));
        List<GapAckBlock> many = new ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            many.add(new GapAckBlock(2 + i % 3, 2 + i % 3));
        }
        p.inject(tag, new SackChunk(beforeFirst, 65536, many, List.of()));
        List<Tsn> duplicates = new ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            duplicates.add(new Tsn(i * 7919));
        }
        p.inject(tag, new SackChunk(beforeFirst, 65536, List.of(), duplicates));
        // A SACK older than the cumulative point is stale and changes nothing (section 6.2.1 D).
        p.inject(tag, SackChunk.of(beforeFirst.plus(-1000), 0));

        assertThat(p.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.transfersBothWays()).isTrue();
        assertThat(AttackedPair.lost(p.client) || AttackedPair.lost(p.server)).isFalse();
    }

    @Test
    @DisplayName("a FORWARD TSN beyond any TSN the peer could have sent ends the association with a Protocol Violation")
    void aForwardTsnBeyondAnythingSentIsAProtocolViolation() {
        AttackedPair p = prSctpPair();
        assertThat(p.transfersBothWays()).isTrue();
        Tsn cumulative = p.target.peerInitialTsn(); // one message from the client so far
        List<SctpPacket> answers = p.inject(p.target.localTag(), new ForwardTsnChunk(cumulative.plus(1_000_000), List.of()));
        assertAbortedWithProtocolViolation(p, answers);
        assertThat(AttackedPair.lostReason(p.server)).contains("FORWARD TSN");
    }

    @Test
    @DisplayName("an out-of-date FORWARD TSN is answered with a SACK and changes nothing")
    void anOldForwardTsnChangesNothing() {
        AttackedPair p = prSctpPair();
        assertThat(p.transfersBothWays()).isTrue();
        Tsn cumulative = p.target.peerInitialTsn();
        List<SctpPacket> answers = p.inject(p.target.localTag(), new ForwardTsnChunk(cumulative.plus(-5), List.of()));
        assertThat(answers).singleElement().satisfies(a -> assertThat(a.chunks()).singleElement()
                .isInstanceOfSatisfying(SackChunk.class, s -> assertThat(s.cumulativeTsnAck()).isEqualTo(cumulative)));
        assertThat(p.transfersBothWays()).isTrue();
    }

    @Test
    @DisplayName("without PR-SCTP negotiated a FORWARD TSN is reported as an unrecognized chunk (type 192: skip and report)")
    void aForwardTsnWithoutPrSctpIsReported() {
        AssociationConfig c = AttackedPair.defaults().capabilities(Capabilities.NONE).build();
        AttackedPair p = new AttackedPair(c, c, 4);
        assertThat(p.target.capabilities().forwardTsn()).isFalse();
        List<SctpPacket> answers = p.inject(p.target.localTag(), new ForwardTsnChunk(p.target.peerInitialTsn().plus(50), List.of()));
        assertThat(answers).singleElement().satisfies(a -> assertThat(a.chunks()).singleElement()
                .isInstanceOfSatisfying(ErrorChunk.class,
                        e -> assertThat(e.causes()).singleElement().isInstanceOf(UnrecognizedChunkTypeCause.class)));
        assertThat(p.transfersBothWays()).isTrue();
    }

    @Test
    @DisplayName("a flood of 20,000 RE-CONFIG requests gets no answer and holds no state")
    void aReconfigFloodIsIgnoredWithoutStateGrowth() {
        AttackedPair p = new AttackedPair();
        int tag = p.target.localTag();
        long atStart = 0;
        for (int i = 0; i < 20_000; i++) {
            ReconfigChunk request = ReconfigChunk.of(new OutgoingSsnResetRequestParameter(i, i, p.target.peerInitialTsn(),
                    List.of(i % 16, (i + 1) % 16)));
            // RFC 9260 section 3.2: type 130 has the high bits 10, skip the chunk and carry on, no report.
            assertThat(p.inject(tag, request)).isEmpty();
            if (i == 1_000) {
                atStart = InitFloodTest.retainedHeap();
            }
        }
        long growth = InitFloodTest.retainedHeap() - atStart;
        System.out.printf("ProtocolAbuseTest: retained heap growth over 19,000 RE-CONFIG requests: %d KiB%n", growth >> 10);
        assertThat(growth).isLessThan(2L << 20);
        assertThat(p.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.transfersBothWays()).isTrue();
    }

    @Test
    void aReconfigFloodWithReconfigNegotiatedIsAnsweredWithoutStateGrowth() {
        AssociationConfig c = AttackedPair.defaults().capabilities(Capabilities.NONE.withStreamReconfig(true))
                .acceptStreamReconfig(true).build();
        AttackedPair p = new AttackedPair(c, c, 5);
        assertThat(p.target.capabilities().streamReconfig()).isTrue();
        int tag = p.target.localTag();
        int expected = p.target.peerInitialTsn().value(); // RFC 6525 section 5.1.1: numbers start there
        Tsn lastAssigned = p.target.peerInitialTsn().previous(); // nothing outstanding: performed at once
        List<Integer> results = new ArrayList<>();
        long atStart = 0;
        for (int i = 0; i < 20_000; i++) {
            // Every other request carries the next expected number and is performed (a reset of the
            // target's incoming stream); the others carry numbers far off, answered Bad Sequence Number.
            int seq = i % 2 == 0 ? expected++ : expected + 1_000_000 + i;
            ReconfigChunk request = ReconfigChunk.of(new OutgoingSsnResetRequestParameter(seq, 0, lastAssigned,
                    List.of(i % 16)));
            for (SctpPacket answer : p.inject(tag, request)) {
                answer.chunks().stream().filter(ReconfigChunk.class::isInstance)
                        .flatMap(r -> ((ReconfigChunk) r).parameters().stream())
                        .forEach(r -> results.add(((ReconfigurationResponseParameter) r).result()));
            }
            p.server.events().clear(); // the harness's event log, not the association's state
            p.client.events().clear();
            if (i == 1_000) {
                atStart = InitFloodTest.retainedHeap();
            }
        }
        long growth = InitFloodTest.retainedHeap() - atStart;
        System.out.printf("ProtocolAbuseTest: retained heap growth over 19,000 negotiated RE-CONFIG requests: %d KiB%n",
                growth >> 10);
        assertThat(growth).isLessThan(2L << 20);
        assertThat(results).hasSize(20_000);
        assertThat(results.stream().filter(r -> r == ReconfigurationResponseParameter.RESULT_SUCCESS_PERFORMED))
                .hasSize(10_000);
        assertThat(results.stream().filter(r -> r == ReconfigurationResponseParameter.RESULT_ERROR_BAD_SEQUENCE_NUMBER))
                .hasSize(10_000);
        assertThat(p.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.transfersBothWays()).isTrue();
    }

    private static AttackedPair prSctpPair() {
        AssociationConfig c = AttackedPair.defaults().capabilities(new Capabilities(true, false, false)).build();
        AttackedPair p = new AttackedPair(c, c, 3);
        assertThat(p.target.capabilities().forwardTsn()).isTrue();
        return p;
    }

    /** The target sends {@code count} small messages; they are not acknowledged yet. */
    private static void sendUnacknowledged(AttackedPair p, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(p.target.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(new byte[100])), p.net.now()))
                    .isEqualTo(SendQueue.OfferResult.ACCEPTED);
        }
    }

    private static void assertAbortedWithProtocolViolation(AttackedPair p, List<SctpPacket> answers) {
        assertThat(answers.stream().flatMap(a -> a.chunks().stream()).filter(AbortChunk.class::isInstance)
                .map(AbortChunk.class::cast)).singleElement()
                .satisfies(abort -> assertThat(abort.causes()).singleElement().isInstanceOf(ProtocolViolationCause.class));
        assertThat(p.target.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(AttackedPair.lost(p.server)).isTrue();
        p.target.checkInvariants();
    }
}
