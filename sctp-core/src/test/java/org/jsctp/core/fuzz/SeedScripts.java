package org.jsctp.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jsctp.core.assoc.Association;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationState;
import org.jsctp.core.assoc.Endpoint;
import org.jsctp.core.assoc.EndpointConfig;
import org.jsctp.core.env.SeededRandomSource;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.sim.SimHost;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * Seed inputs of {@link AssociationFuzzTest}, recorded from real exchanges: a {@link SimHost}
 * peer talks to a {@link FuzzedEndpoint}, and every packet the peer sends, every user call on
 * the fuzzed side and every clock step become a {@link PacketScript} record. Replaying a script
 * repeats the exchange exactly (same seed, same clock), so the fuzzer starts from established
 * associations carrying DATA or I-DATA, shutting down or aborting, in either role.
 */
final class SeedScripts {

    private static final int TICK = 3; // PacketScript.CLOCK_STEPS_NANOS[3]: 200 ms, past the delayed SACK
    private static final int MS = 1; // PacketScript.CLOCK_STEPS_NANOS[1]: 1 ms

    private SeedScripts() {
    }

    /** Every recorded script by seed file name. */
    static SortedMap<String, byte[]> all() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        Capabilities plain = new Capabilities(true, false, false);
        Capabilities interleaving = new Capabilities(true, true, true);
        out.put("script-server-handshake", new Recorder(false, plain).handshake().finish());
        out.put("script-server-data-shutdown", new Recorder(false, plain).handshake().peerSendsData().fuzzedSends()
                .peerShutsDown().finish());
        out.put("script-server-idata-abort", new Recorder(false, interleaving).handshake().peerSendsData().peerAborts()
                .finish());
        out.put("script-client-handshake", new Recorder(true, plain).handshake().finish());
        out.put("script-client-data-shutdown", new Recorder(true, plain).handshake().fuzzedSends().peerSendsData()
                .fuzzedShutsDown().finish());
        out.put("script-client-idata-abort", new Recorder(true, interleaving).handshake().fuzzedSends().fuzzedAborts()
                .finish());
        return out;
    }

    /** Plays a peer against a fuzzed endpoint and writes down what the fuzzed side was given. */
    private static final class Recorder {
        private final FuzzedEndpoint fuzzed;
        private final SimHost peer;
        private final PacketScript.Writer script;
        private final boolean fuzzedIsClient;

        Recorder(boolean fuzzedIsClient, Capabilities peerCapabilities) {
            this.fuzzedIsClient = fuzzedIsClient;
            this.fuzzed = new FuzzedEndpoint(fuzzedIsClient);
            this.script = new PacketScript.Writer(fuzzedIsClient);
            AssociationConfig config = FuzzedEndpoint.CONFIG.toBuilder().capabilities(peerCapabilities).build();
            this.peer = new SimHost("peer", new Endpoint(EndpointConfig.of(FuzzedEndpoint.PEER_PORT, config),
                    new SeededRandomSource(42), 0));
        }

        Recorder handshake() {
            if (!fuzzedIsClient) {
                peer.connect(FuzzedEndpoint.PORT, fuzzed.now());
            }
            exchange();
            if (peerAssociation().state() != AssociationState.ESTABLISHED
                    || fuzzed.association().state() != AssociationState.ESTABLISHED) {
                throw new IllegalStateException("the recorded handshake did not establish the association");
            }
            return this;
        }

        Recorder peerSendsData() {
            Association a = peerAssociation();
            a.send(OutgoingMessage.of(0, 1, false, text("ordered on stream 0")), fuzzed.now());
            a.send(OutgoingMessage.of(3, 2, true, text("unordered on stream 3")), fuzzed.now());
            a.send(OutgoingMessage.of(1, 3, false, Bytes.wrap(filled(5000))), fuzzed.now()); // several fragments
            exchange();
            return this;
        }

        Recorder fuzzedSends() {
            apply(PacketScript.Op.SEND, MS, concat(new byte[] {2, 0}, "ordered from the fuzzed side".getBytes(StandardCharsets.US_ASCII)));
            apply(PacketScript.Op.SEND, MS, concat(new byte[] {5, 1}, "unordered from the fuzzed side".getBytes(StandardCharsets.US_ASCII)));
            apply(PacketScript.Op.SEND, MS, new byte[] {1, 2, 'x'}); // a large message: several fragments
            exchange();
            return this;
        }

        Recorder peerShutsDown() {
            peerAssociation().shutdown(fuzzed.now());
            exchange();
            return this;
        }

        Recorder fuzzedShutsDown() {
            apply(PacketScript.Op.SHUTDOWN, MS, new byte[0]);
            exchange();
            return this;
        }

        Recorder peerAborts() {
            peerAssociation().abort("seed script");
            exchange();
            return this;
        }

        Recorder fuzzedAborts() {
            apply(PacketScript.Op.ABORT, MS, new byte[0]);
            exchange();
            return this;
        }

        byte[] finish() {
            apply(PacketScript.Op.TIMERS, 0, new byte[0]); // whatever timer is left, e.g. a heartbeat
            exchange();
            return script.toByteArray();
        }

        /** Moves packets both ways, letting delayed SACKs and other short timers run, until both sides are quiet. */
        private void exchange() {
            for (int round = 0; round < 200; round++) {
                boolean moved = false;
                for (byte[] p : fuzzed.takeSent()) {
                    peer.receive(p, fuzzed.now());
                    moved = true;
                }
                for (byte[] p : peer.drainOutbox()) {
                    apply(PacketScript.Op.PACKET, MS, p);
                    moved = true;
                }
                if (!moved) {
                    if (!timersPending()) {
                        return;
                    }
                    apply(PacketScript.Op.PACKET, TICK, new byte[0]); // an empty record: only the clock moves
                }
                peer.handleTimeout(fuzzed.now());
            }
            throw new IllegalStateException("the recorded exchange did not settle");
        }

        /** Whether a short timer (a delayed SACK, a retransmission) will still make either side send. */
        private boolean timersPending() {
            long soon = fuzzed.now() + 2_000_000_000L;
            return fuzzed.host().nextDeadline() < soon || peer.nextDeadline() < soon;
        }

        private void apply(PacketScript.Op op, int clockStep, byte[] bytes) {
            script.add(op, clockStep, bytes);
            fuzzed.apply(new PacketScript.Step(op, PacketScript.CLOCK_STEPS_NANOS[clockStep], bytes));
            peer.handleTimeout(fuzzed.now());
        }

        private Association peerAssociation() {
            return peer.associations().get(0);
        }
    }

    private static Bytes text(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] filled(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
