package org.jsctp.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.InitParameters;
import org.jsctp.api.NotificationKind;
import org.jsctp.api.SctpAbortedException;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpClosedException;
import org.jsctp.api.SctpConnectException;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpListener;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpMultiEndpoint;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpReceivedMessage;
import org.jsctp.api.SctpTimeoutException;

/**
 * The examples of the API tour (docs/guide/api-tour.md). Each method sets up what it needs on the
 * loopback with free UDP ports and returns what the text says happens, for {@code ApiTourTest}.
 */
final class ApiTour {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private ApiTour() {
    }

    /** The UDP address of an endpoint bound to the loopback. */
    static InetSocketAddress udpAddressOf(SctpEndpoint e) {
        return new InetSocketAddress(LOOPBACK, e.localAddress().getPort());
    }

    /** One-to-one: accept, connect, a message with stream, PPID and unordered flag; returns what arrived. */
    static SctpReceivedMessage oneToOne() throws IOException {
        // tag::one-to-one[]
        try (SctpEndpoint server = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5001).build();
             SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).build()) {
            server.listen();                                        // accept associations from now on
            SctpAssociation toServer = client.connect(udpAddressOf(server), 5001);
            SctpAssociation fromClient = server.accept(Duration.ofSeconds(10));

            toServer.send(SctpMessage.of("status?".getBytes(UTF_8))
                    .withStream(2)                                  // 0 .. outboundStreams() - 1
                    .withPpid(51)                                   // payload protocol identifier
                    .unordered());                                  // may overtake earlier messages

            SctpReceivedMessage m = fromClient.receive();           // null once the peer has shut down
            System.out.printf("%d bytes on stream %d, PPID %d, unordered %b, from %s%n",
                    m.length(), m.stream(), m.ppid(), m.isUnordered(), m.association().remoteAddress());
            toServer.shutdown();                                    // graceful, waits for SHUTDOWN COMPLETE
            // end::one-to-one[]
            return m;
            // tag::one-to-one[]
        }
        // end::one-to-one[]
    }

    /** Streams: ordered within each stream only; returns the streams' counts as the client sees them. */
    static int[] streams() throws IOException {
        // tag::streams[]
        InitParameters streams = new InitParameters(32, 32, 8, Duration.ofSeconds(60)); // 32 out, up to 32 in
        try (SctpEndpoint server = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5001)
                .option(SctpOptions.INIT_MSG, streams).build();
             SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0)
                .option(SctpOptions.INIT_MSG, streams).build()) {
            server.listen();
            SctpAssociation a = client.connect(udpAddressOf(server), 5001);
            // each direction gets the smaller of what the sender asks for and the receiver accepts
            System.out.println(a.outboundStreams() + " streams out, " + a.inboundStreams() + " in");
            a.send(SctpMessage.of(new byte[] {1}).withStream(31));  // the last one
            // end::streams[]
            SctpAssociation b = server.accept(Duration.ofSeconds(10));
            int stream = b.receive().stream();
            a.shutdown();
            return new int[] {a.outboundStreams(), a.inboundStreams(), stream};
            // tag::streams[]
        }
        // end::streams[]
    }

    /** One-to-many: implicit setup by the first send, replies on the association the message came on. */
    static String oneToMany() throws IOException {
        // tag::one-to-many[]
        try (SctpMultiEndpoint server = SctpMultiEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5002)
                .build();
             SctpMultiEndpoint client = SctpMultiEndpoint.builder().localAddress(LOOPBACK).udpPort(0).build()) {
            server.listen();                                        // every peer's association is taken
            InetSocketAddress serverUdp = new InetSocketAddress(LOOPBACK, server.localAddress().getPort());
            client.send(serverUdp, 5002, SctpMessage.of("ping".getBytes(UTF_8))); // sets the association up

            SctpReceivedMessage request = server.receive();        // from any association of the endpoint
            server.send(request.association(), SctpMessage.of("pong".getBytes(UTF_8)));
            SctpReceivedMessage reply = client.receive();
            System.out.println(server.associations().size() + " association(s), reply "
                    + new String(reply.toByteArray(), UTF_8));
            // end::one-to-many[]
            return new String(reply.toByteArray(), UTF_8);
            // tag::one-to-many[]
        }
        // end::one-to-many[]
    }

    /** The asynchronous style: futures all the way; returns the echoed text. */
    static String asynchronous() throws Exception {
        try (SctpEndpoint server = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5003).build();
             SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).build()) {
            server.listen();
            // tag::async[]
            server.acceptAsync().thenAccept(peer -> peer.receiveAsync()
                    .thenCompose(m -> peer.sendAsync(SctpMessage.of(m.toByteArray()))));

            CompletableFuture<String> echoed = client.connectAsync(udpAddressOf(server), 5003)
                    .thenCompose(a -> a.sendAsync(SctpMessage.of("async".getBytes(UTF_8)))
                            .thenCompose(sent -> a.receiveAsync()))
                    .thenApply(m -> new String(m.toByteArray(), UTF_8));
            System.out.println(echoed.get(10, TimeUnit.SECONDS)); // the callbacks run on the event loop
            // end::async[]
            return echoed.get();
        }
    }

    /** The listener style: messages and notifications pushed to the application; returns what it saw. */
    static List<Object> listener() throws Exception {
        LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        // tag::listener[]
        SctpListener listener = new SctpListener() {
            @Override
            public void onMessage(SctpReceivedMessage m) {
                seen.add(new String(m.toByteArray(), UTF_8));
                m.association().sendAsync(SctpMessage.of(new byte[] {'k'})); // never block here
            }

            @Override
            public void onNotification(SctpNotification n) {
                seen.add(n);
            }
        };
        SctpEndpoint.Builder serverBuilder = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5004)
                .option(SctpOptions.EVENTS, EnumSet.of(NotificationKind.ASSOCIATION_CHANGE))
                .listener(listener);                    // every association has it from its start
        // end::listener[]
        try (SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).build();
             SctpEndpoint server = serverBuilder.build()) {
            server.listen();
            SctpAssociation a = client.connect(udpAddressOf(server), 5004);
            a.send(SctpMessage.of("hi".getBytes(UTF_8)));
            byte[] ack = a.receive().toByteArray();
            a.shutdown();
            List<Object> result = new ArrayList<>();
            result.add(seen.poll(10, TimeUnit.SECONDS));
            result.add(seen.poll(10, TimeUnit.SECONDS));
            result.add(new String(ack, UTF_8));
            result.add(seen.poll(10, TimeUnit.SECONDS));
            return result;
        }
    }

    /** Notifications: subscribed kinds, polled as typed records; returns what the client was told. */
    static List<SctpNotification> events() throws IOException {
        List<SctpNotification> told = new ArrayList<>();
        try (SctpEndpoint server = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5005).build()) {
            server.listen();
            // tag::events[]
            SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0)
                    .option(SctpOptions.EVENTS, EnumSet.of(NotificationKind.ASSOCIATION_CHANGE)) // none by default
                    .build();
            SctpAssociation a = client.connect(udpAddressOf(server), 5005);
            a.subscribe(NotificationKind.SHUTDOWN, NotificationKind.SENDER_DRY); // more kinds, later
            server.accept(Duration.ofSeconds(10)).shutdownAsync();          // the server ends it

            for (SctpNotification n; (n = a.receiveNotification(Duration.ofSeconds(10))) != null; ) {
                if (n instanceof SctpNotification.AssociationChange c) {
                    System.out.println("association " + c.change() + " " + c.reason());
                } else if (n instanceof SctpNotification.Shutdown) {
                    System.out.println("the peer is shutting down");
                }
                // end::events[]
                told.add(n);
                // tag::events[]
            }
            client.close();
            // end::events[]
            return told;
        }
    }

    /** Options: endpoint defaults, live changes, a refused change; returns the option values read back. */
    static List<Object> options() throws IOException {
        try (SctpEndpoint server = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5006).build()) {
            server.listen();
            List<Object> values = new ArrayList<>();
            // tag::options[]
            SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0)
                    .option(SctpOptions.NODELAY, true)                // every association starts with these
                    .option(SctpOptions.SEND_BUFFER, 4 << 20)
                    .build();
            SctpAssociation a = client.connect(udpAddressOf(server), 5006);
            boolean noDelay = a.getOption(SctpOptions.NODELAY);      // typed: Boolean
            a.setOption(SctpOptions.NODELAY, false);                 // NODELAY.isLive(): may change now
            try {
                a.setOption(SctpOptions.SEND_BUFFER, 1 << 20);       // not live: fixed once set up
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
            // end::options[]
            values.add(noDelay);
            values.add(a.getOption(SctpOptions.NODELAY));
            values.add(a.getOption(SctpOptions.SEND_BUFFER));
            values.add(SctpOptions.SEND_BUFFER.isLive());
            client.close();
            return values;
        }
    }

    /** Errors: each failure has its exception type; returns the types caught, in order. */
    static List<Class<?>> errors() throws IOException {
        List<Class<?>> caught = new ArrayList<>();
        try (SctpEndpoint notListening = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5007)
                .build();
             SctpEndpoint server = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).sctpPort(5008).build();
             SctpEndpoint client = SctpEndpoint.builder().localAddress(LOOPBACK).udpPort(0).build()) {
            server.listen();
            // tag::errors[]
            try {
                client.connect(udpAddressOf(notListening), 5007);  // its endpoint never called listen()
            } catch (SctpConnectException e) {                     // refused, or no answer to INIT
                System.out.println("could not connect: " + e.getMessage() + " " + e.causes());
                // end::errors[]
                caught.add(e.getClass());
                // tag::errors[]
            }
            SctpAssociation a = client.connect(udpAddressOf(server), 5008);
            try {
                a.receive(Duration.ofMillis(100));                 // nothing comes
            } catch (SctpTimeoutException e) {
                System.out.println("nothing within 100 ms; the association goes on");
                // end::errors[]
                caught.add(e.getClass());
                // tag::errors[]
            }
            server.accept(Duration.ofSeconds(10)).abort("bye");   // the peer aborts
            try {
                a.receive();
            } catch (SctpAbortedException e) {                     // aborted by the peer, or the peer is gone
                System.out.println(e.getMessage());
                // end::errors[]
                caught.add(e.getClass());
                // tag::errors[]
            }
            try {
                a.send(SctpMessage.of(new byte[1]));
            } catch (SctpAbortedException | SctpClosedException e) { // all are SctpException, an IOException
                System.out.println("too late: " + e.getMessage());
                // end::errors[]
                caught.add(e.getClass());
                // tag::errors[]
            }
            // end::errors[]
            return caught;
        }
    }
}
