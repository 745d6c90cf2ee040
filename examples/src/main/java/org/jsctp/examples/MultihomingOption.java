package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.SctpEndpointBuilder;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The multi-homing flags of every tool (RFC 9260 section 6.4): {@code --bind ADDR} (repeatable,
 * our local addresses, each with a socket on the tool's UDP port and listed in INIT / INIT ACK),
 * {@code --peer-address ADDR} (repeatable; for the connecting tools, more addresses of the peer
 * besides the positional one, on the same UDP port), {@code --primary ADDR} (the peer address to
 * make primary once the association is up, SCTP_PRIMARY_ADDR), {@code --pf-threshold N}
 * (PotentiallyFailed.Max.Retrans, RFC 7829), {@code --asconf} (offer ASCONF, RFC 5061, which
 * implies AUTH, section 4.1.1) and {@code --set-primary ADDR}, which once the association is up
 * asks the peer by ASCONF to make ADDR, one of our addresses, its primary (RFC 5061 section 4.2.4)
 * and prints a line when the peer acknowledged or refused it.
 */
final class MultihomingOption {

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "a local address to bind (repeatable; two or more make the endpoint multi-homed)")
    List<String> bind = new ArrayList<>();

    @Option(names = "--peer-address", paramLabel = "ADDR",
            description = "another address of the peer, on the same UDP port (repeatable; connecting tools only)")
    List<String> peerAddresses = new ArrayList<>();

    @Option(names = "--primary", paramLabel = "ADDR",
            description = "the peer address to make our primary path once the association is up")
    String primary;

    @Option(names = "--set-primary", paramLabel = "ADDR",
            description = "once up, ask the peer to make our ADDR its primary (ASCONF Set Primary, RFC 5061; implies --asconf)")
    String setPrimary;

    @Option(names = "--asconf",
            description = "offer ASCONF (RFC 5061: add/delete addresses on a live association); implies AUTH (SHA-256, SHA-1)")
    boolean asconf;

    @Option(names = "--pf-threshold", paramLabel = "N", defaultValue = "-1",
            description = "RFC 7829 PotentiallyFailed.Max.Retrans, 0..1000 (default: the stack's, 0)")
    int pfThreshold;

    /** Checks the flags; usage errors name the flag. */
    void check(CommandSpec spec) {
        setPrimary(spec);
        if (pfThreshold != -1 && (pfThreshold < 0 || pfThreshold > 1000)) {
            throw new ParameterException(spec.commandLine(), "--pf-threshold must be 0..1000: " + pfThreshold);
        }
        locals(spec);
        primary(spec);
        extraPeers(spec);
    }

    /** The local addresses of --bind, resolved. */
    List<InetAddress> locals(CommandSpec spec) {
        List<InetAddress> out = new ArrayList<>();
        for (String b : bind) {
            out.add(ToolSupport.resolve(spec, b));
        }
        return out;
    }

    /** The addresses of --peer-address, resolved. */
    List<InetAddress> extraPeers(CommandSpec spec) {
        List<InetAddress> out = new ArrayList<>();
        for (String p : peerAddresses) {
            out.add(ToolSupport.resolve(spec, p));
        }
        return out;
    }

    /** The address of --set-primary, resolved, or null. */
    InetAddress setPrimary(CommandSpec spec) {
        return setPrimary == null ? null : ToolSupport.resolve(spec, setPrimary);
    }

    /** Whether ASCONF is to be offered: --asconf, or --set-primary which needs it. */
    boolean asconfWanted() {
        return asconf || setPrimary != null;
    }

    private InetAddress primary(CommandSpec spec) {
        return primary == null ? null : ToolSupport.resolve(spec, primary);
    }

    /** Refuses --peer-address on a tool that does not connect. */
    void refusePeerAddresses(CommandSpec spec) {
        if (!peerAddresses.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--peer-address is for the tools that connect");
        }
    }

    /** {@code b} bound to the --bind addresses, if any. */
    UdpSctpEndpoint.Builder apply(UdpSctpEndpoint.Builder b, CommandSpec spec) {
        List<InetAddress> locals = locals(spec);
        if (!locals.isEmpty()) {
            try {
                b.bind(locals);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--bind: " + e.getMessage());
            }
        }
        return b;
    }

    /** {@code b} bound to the --bind addresses, if any (the sctp-api endpoints). */
    <B extends SctpEndpointBuilder<B, E>, E> B apply(B b, CommandSpec spec) {
        if (asconfWanted()) {
            b.option(org.jsctp.api.SctpOptions.ASCONF_ENABLED, true); // RFC 5061; turns AUTH on
        }
        List<InetAddress> locals = locals(spec);
        if (!locals.isEmpty()) {
            try {
                b.localAddresses(locals);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--bind: " + e.getMessage());
            }
        }
        return b;
    }

    /** {@code config} with the --pf-threshold, if given, and ASCONF (with AUTH) for --asconf / --set-primary. */
    AssociationConfig.Builder apply(AssociationConfig.Builder config) {
        if (asconfWanted()) {
            config.asconfSupported(true);
            if (!config.capabilities().auth()) {
                // RFC 5061 section 4.1.1: ASCONF needs AUTH; SHA-256 preferred, SHA-1 accepted (RFC 4895 3.3).
                config.auth(org.jsctp.core.auth.AuthConfig.DEFAULTS);
            }
        }
        return pfThreshold >= 0 ? config.potentiallyFailedMaxRetransmits(pfThreshold) : config;
    }

    /** The peer's UDP addresses to connect to: {@code first} and the --peer-address ones, on its port. */
    List<InetSocketAddress> peers(InetSocketAddress first, CommandSpec spec) {
        List<InetSocketAddress> out = new ArrayList<>();
        out.add(first);
        for (InetAddress a : extraPeers(spec)) {
            out.add(new InetSocketAddress(a, first.getPort()));
        }
        return out;
    }

    /**
     * {@code inner}, plus: as an association comes up, --primary is applied (a line says when it
     * is not one of the peer's addresses), and with --bind or --peer-address a line lists the
     * peer's addresses.
     */
    AssociationListener listener(AssociationListener inner, CommandSpec spec) {
        InetAddress wanted = primary(spec);
        InetAddress peerPrimary = setPrimary(spec);
        boolean report = !bind.isEmpty() || !peerAddresses.isEmpty() || wanted != null || peerPrimary != null;
        if (!report) {
            return inner;
        }
        PrintWriter out = spec.commandLine().getOut();
        return new AssociationListener() {
            @Override
            public void onEvent(SctpUdpAssociation association, AssociationEvent event) {
                if (event instanceof AssociationEvent.CommunicationUp) {
                    onUp(association, wanted, out);
                    if (peerPrimary != null) {
                        PeerPrimaryRequest.start(association, peerPrimary, out);
                    }
                } else if (event instanceof AssociationEvent.LocalAddressChange c) {
                    PeerPrimaryRequest.report(c, out);
                }
                inner.onEvent(association, event);
            }

            @Override
            public void onInputProcessed(SctpUdpAssociation association) {
                inner.onInputProcessed(association);
            }
        };
    }

    private static void onUp(SctpUdpAssociation association, InetAddress wanted, PrintWriter out) {
        synchronized (out) {
            out.println("peer addresses: " + text(association.peerAddresses()));
            out.flush();
        }
        if (wanted != null) {
            association.setPrimary(wanted).whenComplete((v, e) -> {
                synchronized (out) {
                    out.println(e == null ? "primary: " + wanted.getHostAddress()
                            : "--primary " + wanted.getHostAddress() + ": " + rootMessage(e));
                    out.flush();
                }
            });
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c != c.getCause()) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    static String text(List<InetAddress> addresses) {
        return String.join(" ", addresses.stream().map(InetAddress::getHostAddress).toList());
    }
}
