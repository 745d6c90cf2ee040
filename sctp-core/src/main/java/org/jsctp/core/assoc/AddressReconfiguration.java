package org.jsctp.core.assoc;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.core.asconf.AsconfReceiver;
import org.jsctp.core.asconf.AsconfSender;
import org.jsctp.core.asconf.ErrorCounting;
import org.jsctp.core.asconf.InMemoryLocalAddressBook;
import org.jsctp.core.asconf.InMemoryPeerAddressBook;
import org.jsctp.core.packet.cause.IllegalAsconfAckCause;
import org.jsctp.core.packet.chunk.AbortChunk;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.seq.AsconfSerial;
import org.jsctp.core.seq.Tsn;
import org.jsctp.core.timer.Timer;

/**
 * The association's side of RFC 5061: hands received ASCONF and ASCONF-ACK chunks to the
 * {@link AsconfReceiver} and {@link AsconfSender} of org.jsctp.core.asconf and sends what they
 * answer.
 *
 * <p>Not yet wired to multi-homing or AUTH: the address books are in-memory stand-ins, and the
 * caller passes whether a chunk was authenticated, which without AUTH (RFC 4895) it never is, so
 * every ASCONF and ASCONF-ACK is discarded as RFC 5061 sections 4.1.1 and 4.1.2 require. The
 * sender has no user entry point and its T-4 RTO timer is not registered yet.
 */
final class AddressReconfiguration {

    private final Tcb tcb;
    private final AssociationLifecycle lifecycle;
    private AsconfReceiver receiver;
    private Tsn receiverInitialTsn;
    private AsconfSender sender;

    AddressReconfiguration(Tcb tcb, AssociationLifecycle lifecycle) {
        this.tcb = tcb;
        this.lifecycle = lifecycle;
    }

    /**
     * An ASCONF from the peer (RFC 5061 section 5.2); the ASCONF-ACK goes back toward
     * {@code source} (rule C5: the primary path until paths are wired).
     */
    void onAsconf(AsconfChunk chunk, InetAddress source, boolean authenticated) {
        if (!authenticated) {
            return; // RFC 5061 section 4.1.1: discarded, before any state is made for it
        }
        receiver().onAsconf(chunk, source, true).ifPresent(tcb::sendToPeer);
    }

    /** An ASCONF-ACK from the peer (RFC 5061 section 5.1 rules A5 to A8, section 4.3.4). */
    void onAsconfAck(AsconfAckChunk ack, boolean authenticated) {
        if (!authenticated) {
            return; // RFC 5061 section 4.1.2: an ASCONF-ACK not authenticated is discarded
        }
        if (sender().onAsconfAck(ack).kind() == AsconfSender.AckKind.ILLEGAL) {
            // RFC 5061 section 4.3.4: an answer to an ASCONF never sent aborts the association.
            tcb.sendToPeer(AbortChunk.of(IllegalAsconfAckCause.INSTANCE));
            lifecycle.close("the peer acknowledged an ASCONF never sent", List.of(IllegalAsconfAckCause.INSTANCE));
        }
    }

    /** The receiver, made anew when the peer's Initial TSN changed (a restart, RFC 9260 section 5.2.4). */
    private AsconfReceiver receiver() {
        if (receiver == null || !tcb.peerInitialTsn.equals(receiverInitialTsn)) {
            receiverInitialTsn = tcb.peerInitialTsn;
            AssociationConfig c = tcb.config;
            receiver = new AsconfReceiver(new InMemoryPeerAddressBook(c.maxPeerAddresses(), List.of()),
                    AsconfSerial.of(receiverInitialTsn), c.maxPeerAddresses(), c.pathMtu() - 64, 4);
        }
        return receiver;
    }

    private AsconfSender sender() {
        if (sender == null) {
            AssociationConfig c = tcb.config;
            Timer t4 = new Timer("T-4 RTO", c.rtoInitialNanos(), c.rtoMaxNanos(), Timer.Backoff.EXPONENTIAL, false, -1);
            sender = new AsconfSender(new InMemoryLocalAddressBook(List.of()), AsconfSerial.of(tcb.localInitialTsn), t4,
                    ErrorCounting.limitedTo(c.associationMaxRetransmits()), c.pathMtu() - 64, 16);
        }
        return sender;
    }
}
