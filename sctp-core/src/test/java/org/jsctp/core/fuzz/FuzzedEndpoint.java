package org.jsctp.core.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.handshake.CookieCheckMode;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.sim.SimHost;
import org.jsctp.core.timer.Timer;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * The system under test of {@link AssociationFuzzTest}: one endpoint on SCTP port {@value #PORT}
 * with its associations, routed as the transport routes (a {@link SimHost}), on a fixed clock and
 * a fixed random seed, with the CRC32C check and the cookie MAC check off (the fuzzing-only
 * {@link DecoderOptions#FUZZING_SKIP_CHECKSUM} and {@link CookieCheckMode#FUZZING_SKIP_MAC}) so
 * that the fuzzer's packets get past both. It applies {@link PacketScript} steps and checks the
 * invariants after each.
 */
final class FuzzedEndpoint {

    /** The fuzzed endpoint's SCTP port. */
    static final int PORT = 7;
    /** The port of the peer the fuzzed host connects to, when it is the client. */
    static final int PEER_PORT = 5000;
    /** Small limits, so that the memory bounds are reached by inputs of a few kilobytes. */
    static final AssociationConfig CONFIG = AssociationConfig.builder().outboundStreams(8).maxInboundStreams(8)
            .receiveBufferBytes(16 * 1024).sendBufferBytes(32 * 1024).maxMessageBytes(16 * 1024)
            .capabilities(new Capabilities(true, true, true)).build();
    private static final long SEED = 0x5C7F_0001L;
    private static final int MAX_ASSOCIATIONS = 4;
    private static final int LARGE_MESSAGE = 12 * 1024;
    private static final long S = 1_000_000_000L;

    private final SimHost host;
    private final List<byte[]> sent = new ArrayList<>();
    private long now;

    FuzzedEndpoint(boolean connectFirst) {
        EndpointConfig config = new EndpointConfig(PORT, CONFIG, 600 * S, 120 * S, MAX_ASSOCIATIONS,
                EndpointConfig.MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND);
        Endpoint endpoint = new Endpoint(config, new SeededRandomSource(SEED), 0, CookieCheckMode.FUZZING_SKIP_MAC);
        this.host = new SimHost("fuzzed", endpoint, DecoderOptions.FUZZING_SKIP_CHECKSUM);
        if (connectFirst) {
            host.connect(PEER_PORT, now);
        }
        afterStep();
    }

    /** Runs a whole input. */
    static void run(byte[] input) {
        FuzzedEndpoint e = new FuzzedEndpoint(PacketScript.connectsFirst(input));
        for (PacketScript.Step step : PacketScript.steps(input)) {
            e.apply(step);
        }
    }

    long now() {
        return now;
    }

    SimHost host() {
        return host;
    }

    /** Packets the fuzzed host sent since the last call, encoded. */
    List<byte[]> takeSent() {
        List<byte[]> out = new ArrayList<>(sent);
        sent.clear();
        return out;
    }

    /** The association user operations act on: the first that is not closed, else any, else null. */
    Association association() {
        Association any = null;
        for (Association a : host.associations()) {
            if (a.state() != AssociationState.CLOSED) {
                return a;
            }
            any = a;
        }
        return any;
    }

    void apply(PacketScript.Step step) {
        now += step.clockStepNanos();
        host.handleTimeout(now);
        Association a = association();
        byte[] b = step.bytes();
        switch (step.op()) {
            case PACKET -> host.receive(b, now);
            case SEND -> {
                if (a != null && (a.state() == AssociationState.ESTABLISHED || a.state() == AssociationState.COOKIE_ECHOED)) {
                    a.send(message(b), now); // refusals (full buffer, bad stream, empty) are results, not errors
                }
            }
            case SHUTDOWN -> {
                if (a != null) {
                    a.shutdown(now);
                }
            }
            case ABORT -> {
                if (a != null) {
                    a.abort("fuzzed abort");
                }
            }
            case TIMERS -> {
                long next = host.nextDeadline();
                if (next != Timer.NEVER && next != Long.MAX_VALUE) {
                    now = Math.max(now, next);
                    host.handleTimeout(now);
                }
            }
        }
        afterStep();
    }

    private static OutgoingMessage message(byte[] b) {
        int stream = b.length > 0 ? b[0] & 0xFF : 0;
        int flags = b.length > 1 ? b[1] & 0xFF : 0;
        byte[] payload = b.length > 2 ? Arrays.copyOfRange(b, 2, b.length) : new byte[0];
        if ((flags & 2) != 0) {
            payload = Arrays.copyOf(payload, LARGE_MESSAGE); // several fragments
        }
        return OutgoingMessage.of(stream % 10, flags >> 2, (flags & 1) != 0, Bytes.wrap(payload));
    }

    /**
     * Collects what the step produced and checks the invariants: every association's consistency
     * and memory limits, the association count limit, and that every packet sent is well-formed.
     */
    private void afterStep() {
        for (byte[] p : host.drainOutbox()) {
            if (DecodeChecks.decodeOrFailCleanly(PacketDecoder.strict(), p) == null) {
                throw new AssertionError("the fuzzed host sent a packet that does not decode");
            }
            sent.add(p);
        }
        host.events().clear(); // the application reads everything at once
        if (host.size() > MAX_ASSOCIATIONS) {
            throw new AssertionError(host.size() + " open associations, limit " + MAX_ASSOCIATIONS);
        }
        for (Association a : host.associations()) {
            AssociationChecks.check(a);
        }
    }
}
