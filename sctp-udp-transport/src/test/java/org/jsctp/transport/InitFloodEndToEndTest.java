package org.jsctp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.core.tx.SendQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An INIT flood over real UDP (RFC 9260 section 5.1.3): while a thread floods our echo endpoint
 * with INITs from random SCTP ports and tags, a legitimate client connects and gets every message
 * echoed. The endpoint keeps no association for the flood's INITs.
 */
class InitFloodEndToEndTest {

    private static final long T = Endpoints.TIMEOUT_S;
    private static final int MESSAGES = 200;
    /** INITs the flood keeps unanswered at any time. */
    private static final int IN_FLIGHT = 64;

    private final Endpoints endpoints = new Endpoints();

    @AfterEach
    void closeEndpoints() throws Exception {
        endpoints.close();
    }

    @Test
    void aLegitimateClientIsServedDuringAnInitFlood() throws Exception {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        EventRecorder serverEvents = new EventRecorder().forwardTo((association, event) -> {
            if (event instanceof AssociationEvent.MessageReceived m) {
                ReceivedMessage msg = m.message();
                association.send(OutgoingMessage.of(msg.streamId(), msg.ppid(), msg.unordered(), msg.payload()));
            }
        });
        UdpSctpEndpoint server = endpoints.bind(7, serverEvents);
        InetSocketAddress target = Endpoints.addressOf(server, host);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong floodSent = new AtomicLong();
        AtomicLong floodAnswered = new AtomicLong();
        CountDownLatch underWay = new CountDownLatch(1);
        Thread flooder = new Thread(() -> flood(target, stop, floodSent, floodAnswered, underWay), "init-flooder");
        flooder.start();
        try {
            assertThat(underWay.await(T, TimeUnit.SECONDS)).as("the flood is under way").isTrue();
            EventRecorder clientEvents = new EventRecorder();
            UdpSctpEndpoint client = endpoints.bind(5000, clientEvents);
            SctpUdpAssociation c;
            try {
                c = client.connect(target, 7).get(T, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no association: flood " + floodSent.get() + "/" + floodAnswered.get()
                        + ", server " + server.counters()
                        + ", client " + client.counters() + ", client events " + clientEvents.events(), e);
            }
            List<Bytes> sent = new ArrayList<>();
            var echoed = clientEvents.whenMessages(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                Bytes payload = Bytes.wrap(("message " + i + " during the flood").getBytes());
                sent.add(payload);
                assertThat(c.send(OutgoingMessage.of(i % 4, 0, false, payload)).get(T, TimeUnit.SECONDS))
                        .isEqualTo(SendQueue.OfferResult.ACCEPTED);
            }
            echoed.get(T, TimeUnit.SECONDS);
            List<Bytes> got = clientEvents.messages().stream().map(ReceivedMessage::payload).toList();
            assertThat(got).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(floodAnswered.get()).as("INITs answered while the client was served").isGreaterThan(2_000);
        } finally {
            stop.set(true);
            flooder.join(TimeUnit.SECONDS.toMillis(T));
        }
        System.out.printf("InitFloodEndToEndTest: %d INITs flooded, %d answered; the server received %d datagrams%n",
                floodSent.get(), floodAnswered.get(), server.counters().datagramsReceived());
        // Only the legitimate client's association ever existed.
        assertThat(serverEvents.events().stream().filter(r -> r.event() instanceof AssociationEvent.CommunicationUp))
                .hasSize(1);
        assertThat(server.associations()).hasSize(1);
    }

    /**
     * Sends INITs with random tags from random SCTP ports, keeping {@link #IN_FLIGHT} of them
     * unanswered at all times, until told to stop (at most 2 million): the endpoint is kept busy
     * with the flood as fast as it can answer, on any machine, without the flood overrunning its
     * socket's receive buffer (then the kernel would drop legitimate packets and INITs alike,
     * which no endpoint can prevent). The INIT ACKs come back to this socket and are counted.
     */
    private static void flood(InetSocketAddress target, AtomicBoolean stop, AtomicLong sent, AtomicLong answered,
                              CountDownLatch underWay) {
        SplittableRandom random = new SplittableRandom(99);
        byte[] in = new byte[2048];
        try (DatagramSocket socket = new DatagramSocket(0, target.getAddress())) {
            socket.setSoTimeout(200);
            long outstanding = 0;
            while (!stop.get() && sent.get() < 2_000_000) {
                while (outstanding < IN_FLIGHT) {
                    InitChunk init = new InitChunk(random.nextInt() | 1, 65536, 10, 10, new Tsn(random.nextInt()), List.of());
                    byte[] bytes = PacketEncoder.toByteArray(new SctpPacket(
                            CommonHeader.of(1 + random.nextInt(65535), 7, 0), List.of(init)));
                    socket.send(new DatagramPacket(bytes, bytes.length, target));
                    sent.incrementAndGet();
                    outstanding++;
                }
                try {
                    socket.receive(new DatagramPacket(in, in.length));
                    outstanding--;
                    if (answered.incrementAndGet() == 2_000) {
                        underWay.countDown();
                    }
                } catch (SocketTimeoutException e) {
                    outstanding = 0; // what is still unanswered was dropped; start the window over
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
