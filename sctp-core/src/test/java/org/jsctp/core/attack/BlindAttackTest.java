package org.jsctp.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.cause.ProtocolViolationCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.CookieEchoChunk;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.ErrorChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.SackChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.packet.param.StateCookieParameter;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Blind attacks (RFC 9260 sections 8.5 and 8.5.1; the blind-kill class of CVE-2021-3772): an
 * off-path attacker who knows the addresses and ports of an association, but not its
 * verification tags, spoofs packets from the peer. Whatever chunk it sends, with whatever guessed
 * tag, the association must neither end nor change, and must keep transferring both ways.
 *
 * <p>Each packet is given twice: through the host, routed as the transport routes (by tag, and
 * to the endpoint when no association has it), and straight to the association, so its own tag
 * checks are exercised even for tags no router would hand it.
 */
class BlindAttackTest {

    private static final int GUESSES = 2_000;

    /** The chunk kinds a blind attacker sends, each built for a guessed TSN where it has one. */
    enum Spoofed {
        ABORT(t -> AbortChunk.of()),
        ABORT_T_BIT(t -> new AbortChunk(true, false, List.of())),
        ABORT_PROTOCOL_VIOLATION(t -> AbortChunk.of(ProtocolViolationCause.of("blind"))),
        SHUTDOWN(t -> new ShutdownChunk(new Tsn(t))),
        SHUTDOWN_ACK(t -> ShutdownAckChunk.INSTANCE),
        SHUTDOWN_COMPLETE(t -> new ShutdownCompleteChunk(false)),
        SHUTDOWN_COMPLETE_T_BIT(t -> new ShutdownCompleteChunk(true)),
        DATA(t -> new DataChunk(true, false, true, true, new Tsn(t), 0, new Ssn(0), 0, Bytes.fromHex("0badda7a"))),
        EMPTY_DATA(t -> new DataChunk(false, false, true, true, new Tsn(t), 0, new Ssn(0), 0, Bytes.empty())),
        SACK(t -> SackChunk.of(new Tsn(t), 0)),
        ERROR(t -> ErrorChunk.of(ProtocolViolationCause.of("blind"))),
        INIT_ACK(t -> new InitAckChunk(t | 1, 1500, 1, 1, new Tsn(t),
                List.of(new StateCookieParameter(Bytes.fromHex("00112233"))))),
        COOKIE_ECHO(t -> new CookieEchoChunk(Bytes.fromHex("0011223344556677")));

        final IntFunction<Chunk> make;

        Spoofed(IntFunction<Chunk> make) {
            this.make = make;
        }
    }

    @ParameterizedTest
    @EnumSource(Spoofed.class)
    @DisplayName("spoofed chunks with guessed tags change nothing; the association keeps transferring")
    void guessedTagsChangeNothing(Spoofed kind) {
        AttackedPair p = new AttackedPair();
        SplittableRandom random = new SplittableRandom(kind.ordinal());
        int unanswered = 0;
        int skipped = 0;
        for (int i = 0; i < GUESSES; i++) {
            int guess = i < 4 ? new int[] {0, 1, -1, p.target.peerTag()}[i] : random.nextInt();
            if (guess == p.target.localTag() || (guess == p.target.peerTag() && reflects(kind))) {
                skipped++;
                continue; // the right tag is not a guess
            }
            Chunk chunk = kind.make.apply(p.target.localInitialTsn().value() + random.nextInt(8));
            List<SctpPacket> answers = p.inject(guess, chunk);
            if (answers.isEmpty()) {
                unanswered++;
            }
            p.target.handlePacket(new SctpPacket(CommonHeader.of(AttackedPair.CLIENT_PORT, AttackedPair.SERVER_PORT, guess),
                    List.of(chunk)), p.net.now());
            assertThat(p.target.pollTransmit()).as("answer of the association to %s with tag %08x", kind, guess).isNull();
            assertThat(p.target.state()).as("after %s with tag %08x", kind, guess).isEqualTo(AssociationState.ESTABLISHED);
        }
        // RFC 9260 section 8.5: a packet from the association's peer with another tag is dropped
        // silently, so the attacker does not even learn it reached an association.
        assertThat(unanswered).isEqualTo(GUESSES - skipped);
        assertThat(AttackedPair.lost(p.server)).isFalse();
        assertThat(p.transfersBothWays()).isTrue();
        assertThat(AttackedPair.lost(p.client)).isFalse();
    }

    @Test
    @DisplayName("an INIT from the peer's address and port (tag 0) is answered statelessly; the association is untouched")
    void anInitFromThePeersPortLeavesTheAssociationAlone() {
        AttackedPair p = new AttackedPair();
        int local = p.target.localTag();
        for (int i = 0; i < 100; i++) {
            List<SctpPacket> answers = p.inject(0, new InitChunk(0x10000 + i, 1500, 1, 1, new Tsn(i), List.of()));
            // RFC 9260 section 5.2.2: an INIT ACK with a new tag and tie-tags, addressed to the INIT's tag.
            assertThat(answers).singleElement().satisfies(a -> {
                assertThat(a.header().verificationTag()).isNotEqualTo(p.target.peerTag());
                InitAckChunk ack = (InitAckChunk) a.chunks().get(0);
                assertThat(ack.initiateTag()).isNotEqualTo(local);
            });
        }
        // An INIT with a non-zero tag is not a valid INIT at all (section 8.5.1 A): silence.
        assertThat(p.inject(p.target.localTag(), new InitChunk(0x777, 1500, 1, 1, new Tsn(1), List.of()))).isEmpty();
        assertThat(p.target.localTag()).isEqualTo(local);
        assertThat(p.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.transfersBothWays()).isTrue();
    }

    @Test
    @DisplayName("out of the blue, from a port with no association: ABORT with the T bit for DATA, nothing for ABORT")
    void outOfTheBlueFromAnotherPort() {
        AttackedPair p = new AttackedPair();
        List<SctpPacket> toData = p.inject(4444, 0x1234_5678, List.of(Spoofed.DATA.make.apply(1)));
        assertThat(toData).singleElement().satisfies(a -> {
            assertThat(a.header().verificationTag()).isEqualTo(0x1234_5678); // section 8.4 rule 8
            assertThat(a.chunks()).containsExactly(new AbortChunk(true, false, List.of()));
        });
        assertThat(p.inject(4444, 0x1234_5678, List.of(AbortChunk.of()))).isEmpty(); // rule 2
        assertThat(p.inject(4444, 0x1234_5678, List.of(new ShutdownCompleteChunk(false)))).isEmpty(); // rule 6
        assertThat(p.target.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(p.transfersBothWays()).isTrue();
    }

    private static boolean reflects(Spoofed kind) {
        return kind == Spoofed.ABORT_T_BIT || kind == Spoofed.SHUTDOWN_COMPLETE_T_BIT;
    }
}
