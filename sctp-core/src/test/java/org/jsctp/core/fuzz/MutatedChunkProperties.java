package org.jsctp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * Structured fuzzing: real chunk types with mutated fields ({@link ChunkRecipes}), bundled into
 * packets, some with a rewritten length or byte (checksum made right again), sent into an
 * association ESTABLISHED by a real handshake, as if from its peer. After every packet no
 * exception escapes, both sides' consistency checks hold and their memory stays within limits.
 * Afterwards the association is either still usable (a fresh message gets through each way) or
 * has reported why it went down.
 *
 * <p>A packet with the right verification tag that the target accepts can, like any on-path
 * spoofing, take TSNs the real peer will use, or acknowledge data the peer never got; for the
 * direction such a packet desynchronized, the fresh message is not required to arrive (the
 * statistics show how often that is).
 */
class MutatedChunkProperties {

    /** One crafted packet: its chunks, which tag it carries, and a byte-level mutation. */
    record CraftedPacket(List<ChunkRecipes.Recipe> chunks, int tagChoice, EstablishedPair.Mutation mutation) {
        @Override
        public String toString() {
            return chunks.size() + " chunks, tag choice " + tagChoice + ", " + mutation;
        }
    }

    @Provide
    Arbitrary<List<CraftedPacket>> packets() {
        Arbitrary<EstablishedPair.Mutation> mutation = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(EstablishedPair.Mutation.NONE)),
                Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF).map(v -> new EstablishedPair.Mutation(1, 0, v))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                        .as((at, v) -> new EstablishedPair.Mutation(2, at, v))));
        Arbitrary<Integer> tag = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 3)));
        return Combinators.combine(ChunkRecipes.any().list().ofMinSize(1).ofMaxSize(3), tag, mutation)
                .as(CraftedPacket::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 500)
    void anEstablishedAssociationSurvivesMutatedChunksOrSaysWhyItEnded(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll boolean interleaving,
            @ForAll("packets") List<CraftedPacket> packets) {
        EstablishedPair pair = new EstablishedPair(seed, interleaving);
        // Some real traffic first, so that both TSN sequences have moved.
        pair.peer.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(new byte[] {1, 2, 3})), pair.net.now());
        pair.peer.send(OutgoingMessage.of(1, 1, true, Bytes.wrap(new byte[] {4, 5, 6})), pair.net.now());
        pair.target.send(OutgoingMessage.of(0, 1, false, Bytes.wrap(new byte[] {7, 8, 9})), pair.net.now());
        pair.net.advance(1_000_000_000L, 10_000);
        ChunkRecipes.Target state = pair.targetState(2, 1);

        boolean peerTsnsMoved = false;
        boolean acknowledged = false;
        for (CraftedPacket p : packets) {
            List<Chunk> chunks = new ArrayList<>();
            for (ChunkRecipes.Recipe r : p.chunks()) {
                chunks.add(r.make(state));
            }
            int tag = switch (p.tagChoice()) {
                case 0 -> pair.target.localTag();
                case 1 -> 0;
                case 2 -> pair.target.peerTag();
                default -> pair.target.localTag() ^ 1;
            };
            if (tag == pair.target.localTag()) {
                peerTsnsMoved |= p.chunks().stream().anyMatch(ChunkRecipes.Recipe::movesPeerTsns);
                acknowledged |= p.chunks().stream().anyMatch(ChunkRecipes.Recipe::acknowledges);
            }
            pair.inject(tag, chunks, p.mutation());
            pair.net.advance(50_000_000L, 100_000); // replies travel, timers run, invariants checked
            pair.check();
        }

        // A shutdown or abort that a crafted packet started runs to its end (or fails and says so).
        pair.net.runUntil(() -> settled(pair), pair.net.now() + 600_000_000_000L, 1_000_000);
        pair.check();
        assertThat(settled(pair)).as("both sides ESTABLISHED or one CLOSED, not stuck in %s / %s",
                pair.target.state(), pair.peer.state()).isTrue();
        String outcome;
        if (pair.target.state() == AssociationState.ESTABLISHED && pair.peer.state() == AssociationState.ESTABLISHED) {
            boolean toTarget = pair.roundTrip(pair.peer, pair.server, 2, "fresh to target".getBytes(StandardCharsets.US_ASCII));
            boolean toPeer = pair.roundTrip(pair.target, pair.client, 2, "fresh to peer".getBytes(StandardCharsets.US_ASCII));
            pair.check();
            boolean down = EstablishedPair.reportedDown(pair.server) || EstablishedPair.reportedDown(pair.client);
            assertThat(toTarget || peerTsnsMoved || down).as("a fresh message reaches the target").isTrue();
            assertThat(toPeer || acknowledged || down).as("a fresh message reaches the peer").isTrue();
            outcome = toTarget && toPeer ? "still usable both ways" : down ? "went down, reported" : "desynchronized by spoofing";
        } else {
            assertThat(EstablishedPair.reportedDown(pair.server) || EstablishedPair.reportedDown(pair.client))
                    .as("an association that is no longer ESTABLISHED (%s / %s) said why", pair.target.state(),
                            pair.peer.state())
                    .isTrue();
            outcome = "went down, reported";
        }
        Statistics.collect(outcome);
    }

    private static boolean settled(EstablishedPair pair) {
        AssociationState t = pair.target.state();
        AssociationState p = pair.peer.state();
        return (t == AssociationState.ESTABLISHED && p == AssociationState.ESTABLISHED)
                || t == AssociationState.CLOSED || p == AssociationState.CLOSED;
    }
}
