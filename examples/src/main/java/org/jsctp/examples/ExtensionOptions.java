package org.jsctp.examples;

import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpointBuilder;
import org.jsctp.api.SctpException;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpStreamScheduler;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.UdpSctpEndpoint;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The extension flags that every tool making associations takes, in one mixin: RE-CONFIG (RFC
 * 6525), zero checksum (RFC 9653), NR-SACK, Disable Restart (NAT support), AUTH (RFC 4895),
 * I-DATA and the stream schedulers (RFC 8260), the path MTU (RFC 8899) and multi-homing (RFC 9260
 * section 6.4, RFC 7829). Each flag stays in its own class; this one holds them as mixins of its
 * own, so a command has one {@code @Mixin ExtensionOptions} and applies them with one call per
 * step: {@link #check}, the association configuration ({@link #apply(AssociationConfig.Builder,
 * CommandSpec)}), the endpoint ({@link #apply(UdpSctpEndpoint.Builder, CommandSpec)} or, for the
 * socket-like API, {@link #apply(SctpEndpointBuilder, CommandSpec)}), the listener and the peers
 * to connect to. {@code --pr} is not here: it is only on the tools that send.
 */
final class ExtensionOptions {

    @Mixin
    ReconfigOption reconfig = new ReconfigOption();

    @Mixin
    ZeroChecksumOption zeroChecksum = new ZeroChecksumOption();

    @Mixin
    NrSackOption nrSack = new NrSackOption();

    @Mixin
    DisableRestartOption disableRestart = new DisableRestartOption();

    @Mixin
    AuthOption auth = new AuthOption();

    @Mixin
    SchedulerOption sched = new SchedulerOption();

    @Mixin
    MtuOption mtu = new MtuOption();

    @Mixin
    MultihomingOption multihoming = new MultihomingOption();

    /**
     * Checks the flags that can be checked before anything is built; usage errors name the flag.
     *
     * @param spec the command, for usage errors
     */
    void check(CommandSpec spec) {
        multihoming.check(spec);
    }

    /**
     * Refuses the flags that only a connecting tool can use (for the servers).
     *
     * @param spec the command, for usage errors
     */
    void refuseConnectOnly(CommandSpec spec) {
        multihoming.refusePeerAddresses(spec);
    }

    /**
     * {@code config} with every extension flag applied.
     *
     * @param config the builder to change
     * @param spec the command, for usage errors
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config, CommandSpec spec) {
        nrSack.apply(config);
        disableRestart.apply(config);
        auth.apply(config, spec);
        mtu.apply(config, spec);
        zeroChecksum.apply(config, spec);
        sched.apply(config, spec);
        multihoming.apply(config);
        return reconfig.apply(config);
    }

    /**
     * {@code b} bound to the {@code --bind} addresses, if any.
     *
     * @param b the endpoint builder
     * @param spec the command, for usage errors
     * @return the builder
     */
    UdpSctpEndpoint.Builder apply(UdpSctpEndpoint.Builder b, CommandSpec spec) {
        return multihoming.apply(b, spec);
    }

    /**
     * The socket-like API's endpoint with the same flags as options (the demo): AUTH, zero
     * checksum, I-DATA and the scheduler, the path MTU, the PF threshold (0 unless given), NR-SACK and
     * CMT, Disable Restart and the {@code --bind} addresses. Accepting stream resets is the caller's
     * choice ({@link #reconfig}), as only a server accepts them.
     *
     * @param b the endpoint builder
     * @param spec the command, for usage errors
     * @param <B> the builder type
     * @param <E> the endpoint type
     * @return the builder
     */
    <B extends SctpEndpointBuilder<B, E>, E> B apply(B b, CommandSpec spec) {
        int pfThreshold = multihoming.pfThreshold >= 0 ? multihoming.pfThreshold : 0;
        auth.apply(b, spec);
        b.option(SctpOptions.ZERO_CHECKSUM_ACCEPTABLE, zeroChecksum.edmid(spec)) // RFC 9653, 0 when off
                .option(SctpOptions.INTERLEAVING_SUPPORTED, sched.idata)
                .option(SctpOptions.STREAM_SCHEDULER, scheduler(spec))
                .option(SctpOptions.PATH_MTU, mtu.apiParameters(spec)) // RFC 8899 discovery or a fixed MTU
                .option(SctpOptions.PEER_ADDR_THLDS, pfThreshold)
                .option(SctpOptions.NR_SACK_SUPPORTED, nrSack.nrSack)
                .option(SctpOptions.CMT_ENABLED, nrSack.cmt) // draft-tuexen-tsvwg-sctp-multipath section 3
                .option(SctpOptions.DISABLE_RESTART, disableRestart.disableRestart);
        return multihoming.apply(b, spec);
    }

    /**
     * {@code inner} with what the flags do as an association comes up: stream scheduler values,
     * the I-DATA line, {@code --primary} and the line listing the peer's addresses.
     *
     * @param inner the tool's own listener
     * @param spec the command
     * @return the listener to give the endpoint
     */
    AssociationListener listener(AssociationListener inner, CommandSpec spec) {
        return multihoming.listener(sched.listener(inner, spec), spec);
    }

    /**
     * The peer's UDP addresses to connect to: {@code first} and the {@code --peer-address} ones.
     *
     * @param first the address the tool was given
     * @param spec the command, for usage errors
     * @return the addresses, {@code first} first
     */
    List<InetSocketAddress> peers(InetSocketAddress first, CommandSpec spec) {
        return multihoming.peers(first, spec);
    }

    /**
     * The socket-like API's counterpart of {@link #listener} once {@code a} is up: the peer's
     * addresses when multi-homed, {@code --primary}, the {@code --stream-value}s and the I-DATA line.
     *
     * @param a the association just connected
     * @param out where the lines go
     * @param spec the command, for usage errors
     * @throws SctpException when the association refuses a setting
     * @throws InterruptedIOException when interrupted waiting for it
     */
    void onConnected(SctpAssociation a, PrintWriter out, CommandSpec spec) throws SctpException, InterruptedIOException {
        if (a.peerAddresses().size() > 1) {
            out.println("peer addresses: " + MultihomingOption.text(a.peerAddresses()));
        }
        if (multihoming.primary != null) {
            a.setPrimary(ToolSupport.resolve(spec, multihoming.primary));
            out.println("primary: " + a.primaryAddress().getHostAddress());
        }
        if (multihoming.setPrimary != null) { // RFC 5061 section 4.2.4: ask the peer by ASCONF
            out.println(PeerPrimaryRequest.await(a, multihoming.setPrimary(spec)));
        }
        for (int[] sv : sched.values(spec)) {
            if (sv[0] < a.outboundStreams()) {
                a.setStreamSchedulerValue(sv[0], sv[1]);
            }
        }
        if (sched.idata || sched.scheduler != null) {
            out.printf("interleaving (I-DATA): %s, stream scheduler: %s%n", a.isInterleaving() ? "on" : "off",
                    scheduler(spec).name().toLowerCase(Locale.ROOT));
        }
    }

    private SctpStreamScheduler scheduler(CommandSpec spec) {
        return SctpStreamScheduler.valueOf(sched.kind(spec).name());
    }
}
