package org.jsctp.transport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.assoc.PathStatistics;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;

/**
 * Our side of the multi-homed usrsctp interop tests, run as a child JVM inside the test's
 * network namespace (where 127.0.0.2 exists, so usrsctp can bind it too): a multi-homed endpoint
 * driven by stdin commands, reporting on stdout one line per thing, like {@code usrsctp_peer}.
 *
 * <pre>
 *   MultihomedPeerMain listen  UDP_PORT SCTP_PORT LOCAL,LOCAL...
 *   MultihomedPeerMain connect UDP_PORT SCTP_PORT LOCAL,LOCAL... REMOTE_UDP_PORT REMOTE,REMOTE... REMOTE_SCTP_PORT
 * </pre>
 *
 * Commands: {@code paddrs} (PADDRS ADDR=STATE... and PRIMARY ADDR), {@code send N LEN} (N messages
 * of LEN bytes on stream 0, each with the next number as its PPID), {@code drop ADDR} (from now on
 * nothing is sent to or from our address ADDR, nor to the peer's ADDR, nor read on our socket of
 * ADDR: that address is dead), {@code received} (RECEIVED count=N inorder=true|false), {@code quit}
 * (graceful shutdown, FINISHED). Output: READY, UP, EVENT PEER_ADDR_CHANGE addr=A state=S, OK/ERROR.
 *
 * <p>With {@code -Djsctp.cmt=true} the endpoint offers NR-SACK and runs CMT
 * (draft-tuexen-tsvwg-sctp-multipath); {@code pathdata} prints {@code PATHDATA nrsack=B
 * ADDR=sent:S,received:R ...}: per path the DATA packets we sent to the peer's ADDR, and the
 * datagrams that arrived on our own socket of ADDR (whatever their source: usrsctp picks the
 * destination per path, the kernel the source); {@code await-received N} waits until N messages
 * arrived, then answers as {@code received}.
 * <p>With the environment variable {@code MULTIHOMED_PEER_ASCONF=1} ASCONF (RFC 5061) is offered,
 * with AUTH, and three more commands exist: {@code add ADDR} (opening a socket on ADDR first if
 * the endpoint has none), {@code del ADDR} and
 * {@code peer-primary ADDR} (Add IP Address, Delete IP Address, Set Primary Address of one of our
 * addresses; QUEUED or ERROR at once), answered later by {@code ASCONF ADD|DELETE|SET_PEER_PRIMARY
 * addr=A success=true|false}; {@code laddrs} prints {@code LADDRS A...}, our addresses usable as
 * sources now.
 */
public final class MultihomedPeerMain {

    private static final long MS = 1_000_000L;
    private static final PrintStream OUT = System.out;

    private static volatile InetAddress dead;
    private static volatile SctpUdpAssociation association;
    private static volatile UdpSctpEndpoint endpoint;
    private static final List<Integer> ppids = new ArrayList<>();
    /** Datagrams received per local address (the filter sees them all). */
    private static final java.util.Map<InetAddress, java.util.concurrent.atomic.AtomicLong> receivedOn =
            new java.util.concurrent.ConcurrentHashMap<>();

    private MultihomedPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean listen = args.length == 4 && args[0].equals("listen");
        if (!listen && !(args.length == 7 && args[0].equals("connect"))) {
            System.err.println("usage: listen UDP_PORT SCTP_PORT LOCALS | connect UDP_PORT SCTP_PORT LOCALS "
                    + "REMOTE_UDP_PORT REMOTES REMOTE_SCTP_PORT");
            System.exit(2);
        }
        CompletableFuture<SctpUdpAssociation> up = new CompletableFuture<>();
        AssociationListener listener = (a, e) -> onEvent(a, e, up);
        DatagramFilter filter = (local, remote, sending) -> {
            if (!sending) {
                receivedOn.computeIfAbsent(local, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
            }
            InetAddress d = dead;
            return d != null && (local.equals(d) || (sending && remote.getAddress().equals(d)));
        };
        AssociationConfig config = AssociationConfig.defaults().toBuilder().rtoInitialNanos(200 * MS)
                .rtoMinNanos(100 * MS).rtoMaxNanos(400 * MS).pathMaxRetransmits(2).associationMaxRetransmits(40)
                .heartbeatIntervalNanos(300 * MS).build();
        if (Boolean.getBoolean("jsctp.cmt")) {
            config = config.toBuilder().nrSackSupported(true).cmtEnabled(true).sendBufferBytes(4 << 20)
                    .receiveBufferBytes(4 << 20).build();
        }
        if ("1".equals(System.getenv("MULTIHOMED_PEER_ASCONF"))) {
            // RFC 5061 section 4.1.1: ASCONF with AUTH (usrsctp 0.9.5 offers HMAC-SHA-1 only: accepted).
            config = config.toBuilder().asconfSupported(true).auth(org.jsctp.core.auth.AuthConfig.DEFAULTS).build();
        }
        endpoint = UdpSctpEndpoint.builder().bind(addresses(args[3])).udpPort(Integer.parseInt(args[1]))
                .sctpPort(Integer.parseInt(args[2])).associationConfig(config).listener(listener)
                .datagramFilter(filter).bind().get(10, TimeUnit.SECONDS);
        if (listen) {
            line("READY");
        } else {
            int remoteUdp = Integer.parseInt(args[4]);
            List<InetSocketAddress> remotes = new ArrayList<>();
            for (InetAddress a : addresses(args[5])) {
                remotes.add(new InetSocketAddress(a, remoteUdp));
            }
            endpoint.connect(remotes, Integer.parseInt(args[6]), null);
            line("READY");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String l; (l = in.readLine()) != null; ) {
            String[] w = l.trim().split("\\s+");
            try {
                if (w[0].equals("quit")) {
                    break;
                }
                run(w, up);
                line("OK " + w[0]);
            } catch (Exception e) {
                line("ERROR " + w[0] + ": " + e);
            }
        }
        SctpUdpAssociation a = association;
        if (a != null) {
            a.shutdown().get(20, TimeUnit.SECONDS);
        }
        endpoint.close().get(20, TimeUnit.SECONDS);
        line("FINISHED");
        System.exit(0);
    }

    private static void run(String[] w, CompletableFuture<SctpUdpAssociation> up) throws Exception {
        switch (w[0]) {
            case "paddrs" -> {
                SctpUdpAssociation a = up.get(20, TimeUnit.SECONDS);
                StringBuilder b = new StringBuilder("PADDRS");
                for (PathStatistics p : a.pathStatistics().get(10, TimeUnit.SECONDS)) {
                    b.append(' ').append(p.address() == null ? "?" : p.address().getHostAddress()).append('=')
                            .append(p.state());
                }
                line(b.toString());
                line("PRIMARY " + a.primaryAddress().getHostAddress());
            }
            case "send" -> {
                SctpUdpAssociation a = up.get(20, TimeUnit.SECONDS);
                int n = Integer.parseInt(w[1]);
                int len = Integer.parseInt(w[2]);
                for (int i = 0; i < n; i++) {
                    a.send(OutgoingMessage.of(0, nextPpid++, false, Bytes.wrap(new byte[len]))).get(20, TimeUnit.SECONDS);
                }
            }
            case "drop" -> dead = InetAddress.getByName(w[1]);
            case "pathdata" -> {
                SctpUdpAssociation a = up.get(20, TimeUnit.SECONDS);
                StringBuilder b = new StringBuilder("PATHDATA nrsack="
                        + a.call((core, now) -> core.capabilities().nrSack()).get(10, TimeUnit.SECONDS));
                for (PathStatistics p : a.pathStatistics().get(10, TimeUnit.SECONDS)) {
                    var r = receivedOn.get(p.address());
                    b.append(' ').append(p.address() == null ? "?" : p.address().getHostAddress()).append("=sent:")
                            .append(p.dataPacketsSent()).append(",received:").append(r == null ? 0 : r.get());
                }
                line(b.toString());
            }
            case "await-received" -> {
                int n = Integer.parseInt(w[1]);
                long deadline = System.nanoTime() + 30_000 * MS;
                synchronized (ppids) {
                    while (ppids.size() < n && System.nanoTime() < deadline) {
                        ppids.wait(1000);
                    }
                }
                run(new String[] {"received"}, up);
            }
            case "add", "del", "peer-primary" -> {
                SctpUdpAssociation a = up.get(20, TimeUnit.SECONDS);
                InetAddress address = InetAddress.getByName(w[1]);
                if (w[0].equals("add")) {
                    endpoint.bindAddress(address).get(10, TimeUnit.SECONDS); // a socket there first, if none
                }
                org.jsctp.core.assoc.AddressRequestStatus s = a.call((core, now) -> switch (w[0]) {
                    case "add" -> core.addLocalAddress(address, now);
                    case "del" -> core.deleteLocalAddress(address, now);
                    default -> core.requestPeerPrimary(address, now);
                }).get(10, TimeUnit.SECONDS);
                if (!s.isQueued()) {
                    throw new IllegalStateException(s.toString());
                }
                line("QUEUED " + w[0] + " " + w[1]);
            }
            case "laddrs" -> {
                SctpUdpAssociation a = up.get(20, TimeUnit.SECONDS);
                List<InetAddress> usable = a.call((core, now) -> core.usableLocalAddresses()).get(10, TimeUnit.SECONDS);
                StringBuilder b = new StringBuilder("LADDRS");
                usable.forEach(x -> b.append(' ').append(x.getHostAddress()));
                line(b.toString());
            }
            case "received" -> {
                synchronized (ppids) {
                    boolean inOrder = true;
                    for (int i = 0; i < ppids.size(); i++) {
                        inOrder &= ppids.get(i) == i;
                    }
                    line("RECEIVED count=" + ppids.size() + " inorder=" + inOrder);
                }
            }
            default -> throw new IllegalArgumentException("unknown command");
        }
    }

    private static int nextPpid;

    private static void onEvent(SctpUdpAssociation a, AssociationEvent e, CompletableFuture<SctpUdpAssociation> up) {
        if (e instanceof AssociationEvent.CommunicationUp) {
            association = a;
            line("UP");
            up.complete(a);
        } else if (e instanceof AssociationEvent.PeerAddressChange p) {
            line("EVENT PEER_ADDR_CHANGE addr=" + (p.address() == null ? "?" : p.address().getHostAddress())
                    + " state=" + p.state());
        } else if (e instanceof AssociationEvent.MessageReceived m && m.message().complete()) {
            synchronized (ppids) {
                ppids.add(m.message().ppid());
                ppids.notifyAll();
            }
        } else if (e instanceof AssociationEvent.LocalAddressChange c) {
            line("ASCONF " + c.request() + " addr=" + c.address().getHostAddress() + " success=" + c.success()
                    + (c.causes().isEmpty() ? "" : " causes=" + c.causes()));
        } else if (e instanceof AssociationEvent.CommunicationLost lost) {
            line("LOST " + lost.reason());
        }
    }

    private static List<InetAddress> addresses(String list) throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (String a : list.split(",")) {
            out.add(InetAddress.getByName(a));
        }
        return out;
    }

    private static synchronized void line(String s) {
        OUT.println(s);
        OUT.flush();
    }
}
