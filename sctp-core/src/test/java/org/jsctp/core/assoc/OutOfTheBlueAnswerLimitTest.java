package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.core.assoc.Wire.onTheWire;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.chunk.ShutdownAckChunk;
import org.jsctp.core.packet.chunk.ShutdownChunk;
import org.jsctp.core.packet.chunk.ShutdownCompleteChunk;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 section 8.4's answers (rule 5, SHUTDOWN COMPLETE; rule 8, ABORT) within
 * {@link EndpointConfig#outOfTheBlueAnswersPerSecond}, on a virtual clock.
 */
class OutOfTheBlueAnswerLimitTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final int PEER_PORT = 5000;
    private static final int PORT = 7;

    private final AssociationConfig config = AssociationConfig.builder().build();

    @Test
    void theDefaultAnswersTwoHundredAtOnceThenOnePerFiveMilliseconds() {
        Endpoint endpoint = endpoint(EndpointConfig.of(PORT, config));
        assertThat(endpoint.config().outOfTheBlueAnswersPerSecond()).isEqualTo(200);

        assertThat(answered(endpoint, shutdown(), 0, 1_000)).isEqualTo(200);
        assertThat(answered(endpoint, shutdown(), 5 * MS, 10)).isEqualTo(1);
        assertThat(answered(endpoint, shutdown(), 2 * S, 1_000)).isEqualTo(200);
    }

    @Test
    void anUnansweredPacketIsDiscardedAndSaysWhy() {
        Endpoint endpoint = endpoint(EndpointConfig.of(PORT, config).withOutOfTheBlueAnswersPerSecond(1));
        assertThat(endpoint.handlePacket(shutdown(), 0, AssociationDirectory.NONE)).isInstanceOf(Endpoint.Outcome.Reply.class);

        Endpoint.Outcome second = endpoint.handlePacket(shutdown(), 0, AssociationDirectory.NONE);

        assertThat(second).isInstanceOfSatisfying(Endpoint.Outcome.Discarded.class,
                d -> assertThat(d.why()).contains("not answered").contains("1 answers per second"));
    }

    @Test
    void shutdownCompleteAnswersToShutdownAcksShareTheLimitWithAborts() {
        Endpoint endpoint = endpoint(EndpointConfig.of(PORT, config).withOutOfTheBlueAnswersPerSecond(3));
        assertThat(answered(endpoint, shutdown(), 0, 2)).isEqualTo(2);

        Endpoint.Outcome third = endpoint.handlePacket(packet(0x99, ShutdownAckChunk.INSTANCE), 0, AssociationDirectory.NONE);
        Endpoint.Outcome fourth = endpoint.handlePacket(packet(0x99, ShutdownAckChunk.INSTANCE), 0, AssociationDirectory.NONE);

        assertThat(((Endpoint.Outcome.Reply) third).packet().chunks()).containsExactly(new ShutdownCompleteChunk(true));
        assertThat(fourth).isInstanceOf(Endpoint.Outcome.Discarded.class);
    }

    @Test
    void zeroAnswersNoOutOfTheBluePacketButStillAnswersInits() {
        Endpoint endpoint = endpoint(EndpointConfig.of(PORT, config).withOutOfTheBlueAnswersPerSecond(0));

        assertThat(answered(endpoint, shutdown(), 10 * S, 5)).isZero();
        Association client = new Endpoint(EndpointConfig.of(PEER_PORT, config), new SeededRandomSource(2), 0)
                .connect(PORT, 0);
        SctpPacket init = onTheWire(client.pollTransmit());
        assertThat(init.firstChunk()).isInstanceOf(InitChunk.class);
        Endpoint.Outcome o = endpoint.handlePacket(init, 10 * S, AssociationDirectory.NONE);
        assertThat(((Endpoint.Outcome.Reply) o).packet().chunks().get(0)).isInstanceOf(InitAckChunk.class);
    }

    @Test
    void packetsThatGetNoAnswerAnywayTakeNothingFromTheLimit() {
        Endpoint endpoint = endpoint(EndpointConfig.of(PORT, config).withOutOfTheBlueAnswersPerSecond(1));
        for (int i = 0; i < 100; i++) {
            endpoint.handlePacket(packet(0x99, AbortChunk.of()), 0, AssociationDirectory.NONE); // rule 2
            endpoint.handlePacket(packet(0x99, new ShutdownCompleteChunk(false)), 0, AssociationDirectory.NONE); // rule 6
        }

        assertThat(endpoint.handlePacket(shutdown(), 0, AssociationDirectory.NONE)).isInstanceOf(Endpoint.Outcome.Reply.class);
    }

    @Test
    void theLimitIsAValidatedSetting() {
        EndpointConfig defaults = EndpointConfig.of(PORT, config);
        assertThatThrownBy(() -> defaults.withOutOfTheBlueAnswersPerSecond(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withOutOfTheBlueAnswersPerSecond(EndpointConfig.MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.withOutOfTheBlueAnswersPerSecond(EndpointConfig.MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND)
                .outOfTheBlueAnswersPerSecond()).isEqualTo(1_000_000);
        assertThat(defaults.withMaxAssociations(5).maxAssociations()).isEqualTo(5);
        assertThat(defaults.withMaxAssociations(5).outOfTheBlueAnswersPerSecond()).isEqualTo(200);
        assertThatThrownBy(() -> defaults.withMaxAssociations(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Endpoint endpoint(EndpointConfig config) {
        return new Endpoint(config, new SeededRandomSource(1), 0);
    }

    /** How many of {@code tries} copies of {@code packet}, all at {@code now}, were answered. */
    private static int answered(Endpoint endpoint, SctpPacket packet, long now, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            Endpoint.Outcome o = endpoint.handlePacket(packet, now, AssociationDirectory.NONE);
            if (o instanceof Endpoint.Outcome.Reply r) {
                assertThat(r.packet().chunks().get(0)).isIn(new AbortChunk(true, false, List.of()),
                        new ShutdownCompleteChunk(true));
                n++;
            } else {
                assertThat(o).isInstanceOf(Endpoint.Outcome.Discarded.class);
            }
        }
        return n;
    }

    /** An out-of-the-blue SHUTDOWN: rule 8, answered with an ABORT. */
    private static SctpPacket shutdown() {
        return packet(0x4321, new ShutdownChunk(new Tsn(1)));
    }

    private static SctpPacket packet(int tag, Chunk chunk) {
        return onTheWire(new OutgoingPacket(PEER_PORT, PORT, tag, List.of(chunk)));
    }
}
