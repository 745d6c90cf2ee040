package org.jsctp.core.asconf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.UnrecognizedAction;
import org.jsctp.core.packet.cause.DeleteLastRemainingAddressCause;
import org.jsctp.core.packet.cause.DeleteSourceAddressCause;
import org.jsctp.core.packet.cause.ErrorCause;
import org.jsctp.core.packet.cause.NoAuthorizationCause;
import org.jsctp.core.packet.cause.ResourceShortageCause;
import org.jsctp.core.packet.cause.UnrecognizedParametersCause;
import org.jsctp.core.packet.cause.UnresolvableAddressCause;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.CorrelatedParameter;
import org.jsctp.core.packet.param.DeleteIpAddressParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SetPrimaryAddressParameter;
import org.jsctp.core.packet.param.VtagsParameter;
import org.jsctp.core.packet.param.UnknownParameter;
import org.jsctp.core.seq.AsconfSerial;

/**
 * The ASCONF receiver of RFC 5061 section 5.2: checks the serial number (rules C1 to C4),
 * performs the requests in order on the {@link PeerAddressBook} (rule V1, section 5.3) and builds
 * the ASCONF-ACK (rules V2 to V4), which it caches for a retransmitted ASCONF.
 *
 * <p>Sans-IO: {@link #onAsconf} returns the ASCONF-ACK to send; the caller sends it to the source
 * address of the packet that held the ASCONF (rule C5), authenticated (section 4.1.2).
 */
public final class AsconfReceiver {

    private final PeerAddressBook peer;
    private final int maxPeerAddresses;
    private final int maxAckBytes;
    private final int cachedAcks;
    private final Map<AsconfSerial, AsconfAckChunk> cache = new LinkedHashMap<>();
    private AsconfSerial peerSerialNumber;

    /**
     * The receiver of the peer's ASCONF chunks for one association (RFC 5061 section 5.2).
     *
     * @param peer the peer's addresses
     * @param peerInitialTsn the peer's Initial TSN: Peer-Serial-Number starts one below it (rule C1)
     * @param maxPeerAddresses the most addresses the peer may have: an Add beyond is refused with
     *     Operation Refused Due to Resource Shortage (RFC 5061 section 4.3.2)
     * @param maxAckBytes the largest ASCONF-ACK chunk, header included, at least 64
     * @param cachedAcks how many recent ASCONF-ACKs are kept for retransmitted ASCONFs (rule C3), at least 1
     */
    public AsconfReceiver(PeerAddressBook peer, AsconfSerial peerInitialTsn, int maxPeerAddresses, int maxAckBytes,
                          int cachedAcks) {
        this.peer = Objects.requireNonNull(peer, "peer");
        if (maxPeerAddresses < 1) {
            throw new IllegalArgumentException("maxPeerAddresses must be at least 1: " + maxPeerAddresses);
        }
        if (maxAckBytes < 64 || maxAckBytes > 0xFFFF) {
            throw new IllegalArgumentException("maxAckBytes must be in 64..65535: " + maxAckBytes);
        }
        if (cachedAcks < 1) {
            throw new IllegalArgumentException("cachedAcks must be at least 1: " + cachedAcks);
        }
        this.maxPeerAddresses = maxPeerAddresses;
        this.maxAckBytes = maxAckBytes;
        this.cachedAcks = cachedAcks;
        this.peerSerialNumber = peerInitialTsn.previous(); // rule C1
    }

    /**
     * Handles one ASCONF chunk.
     *
     * @param chunk the ASCONF
     * @param source the source address of the packet that held it, or null when unknown
     * @param authenticated whether an AUTH chunk before it in the packet verified (RFC 4895 section 6.3)
     * @return the ASCONF-ACK to send to {@code source}, or empty when the chunk is discarded
     */
    public Optional<AsconfAckChunk> onAsconf(AsconfChunk chunk, InetAddress source, boolean authenticated) {
        if (!authenticated) {
            // RFC 5061 section 4.1.1 and section 6: an ASCONF not authenticated is silently discarded.
            return Optional.empty();
        }
        AsconfSerial serial = new AsconfSerial(chunk.serialNumber());
        if (serial.equals(peerSerialNumber.next())) {
            // Rule C2: the next one: process it (V1 to V4), then remember its serial number (V5).
            AsconfAckChunk ack = process(chunk, source);
            peerSerialNumber = serial;
            cache.put(serial, ack);
            if (cache.size() > cachedAcks) {
                cache.remove(cache.keySet().iterator().next());
            }
            return Optional.of(ack);
        }
        if (serial.isAtOrBefore(peerSerialNumber)) {
            // Rule C3: a retransmission: the cached answer, nothing performed again. An ASCONF
            // older than the cache reaches is skipped without an answer.
            return Optional.ofNullable(cache.get(serial));
        }
        return Optional.empty(); // rule C4: neither: stale or an attack
    }

    /** {@return the serial number of the last ASCONF processed (RFC 5061 section 5.2 rule C1)} */
    public AsconfSerial peerSerialNumber() {
        return peerSerialNumber;
    }

    /** Rule V1: each parameter in order. */
    private AsconfAckChunk process(AsconfChunk chunk, InetAddress source) {
        AsconfAckBuilder ack = new AsconfAckBuilder(maxAckBytes);
        for (Parameter p : chunk.parameters()) {
            int id = correlationIdOf(p);
            if (!ack.fits(p.unpaddedLength())) {
                ack.overflow(id);
                break;
            }
            if (p instanceof AddIpAddressParameter add) {
                answer(ack, id, add(add, source));
            } else if (p instanceof DeleteIpAddressParameter delete) {
                answer(ack, id, delete(delete, source));
            } else if (p instanceof SetPrimaryAddressParameter primary) {
                answer(ack, id, setPrimary(primary, source));
            } else if (p instanceof VtagsParameter) {
                // draft-ietf-tsvwg-natsupp section 6.4: the tags are for the NAT functions on the
                // path, which took them as the ASCONF passed; nothing to do here, and no answer
                // means success (RFC 5061 section 5.1 rule A8).
                continue;
            } else {
                // Rule V2: a parameter we do not process, by the two high bits of its type (RFC 9260
                // section 3.2.1). When processing stops the rest is not performed, so it is
                // reported even under "00": the sender then counts the rest as failed (rule A7).
                UnrecognizedAction action = UnrecognizedAction.ofParameterType(p.type());
                if (action.reports() || !action.continues()) {
                    ack.error(id, List.of(UnrecognizedParametersCause.of(List.of(p))));
                }
                if (!action.continues()) {
                    break;
                }
            }
        }
        return ack.build(chunk.serialNumber());
    }

    private static void answer(AsconfAckBuilder ack, int id, ErrorCause error) {
        if (error == null) {
            ack.success(id);
        } else {
            ack.error(id, List.of(error));
        }
    }

    /** Add IP Address (RFC 5061 section 4.2.1, section 5.3 rules D1 and D9); null on success. */
    private ErrorCause add(AddIpAddressParameter p, InetAddress source) {
        InetAddress a = p.address().address();
        if (a.isAnyLocalAddress()) {
            // Section 4.2.1: the wildcard address stands for the source address of the packet.
            a = sameFamilySource(a, source);
            if (a == null) {
                return UnresolvableAddressCause.of(p.address());
            }
        } else if (a.isMulticastAddress() || isBroadcast(a)) {
            return UnresolvableAddressCause.of(p.address()); // section 4.2.1: never multicast or broadcast
        }
        if (peer.contains(a)) {
            return null; // already part of the association: nothing to do
        }
        if (peer.size() >= maxPeerAddresses) {
            return ResourceShortageCause.of(p); // rule D9, section 4.3.2
        }
        return switch (peer.add(a)) {
            case ADDED -> null;
            case NO_RESOURCES -> ResourceShortageCause.of(p);
            case NOT_AUTHORIZED -> NoAuthorizationCause.of(p); // section 4.3.5
        };
    }

    /** Delete IP Address (RFC 5061 section 4.2.2, section 5.3 rules D7 and D8); null on success. */
    private ErrorCause delete(DeleteIpAddressParameter p, InetAddress source) {
        InetAddress a = p.address().address();
        if (a.isAnyLocalAddress()) {
            // Section 4.2.2: the wildcard deletes every address but the packet's source, which
            // becomes the primary.
            InetAddress keep = sameFamilySource(a, source);
            if (keep == null || !peer.contains(keep)) {
                return UnresolvableAddressCause.of(p.address());
            }
            peer.setPrimary(keep);
            for (InetAddress other : peer.addresses()) {
                if (!other.equals(keep)) {
                    peer.remove(other);
                }
            }
            return null;
        }
        if (!peer.contains(a)) {
            return null; // not part of the association: what was asked already holds
        }
        if (peer.size() <= 1) {
            return DeleteLastRemainingAddressCause.of(p); // rule D7, section 4.3.1
        }
        if (a.equals(source)) {
            return DeleteSourceAddressCause.of(p); // rule D8, section 4.3.3
        }
        peer.remove(a);
        return null;
    }

    /** Set Primary Address (RFC 5061 section 4.2.4, section 5.4); null on success. */
    private ErrorCause setPrimary(SetPrimaryAddressParameter p, InetAddress source) {
        InetAddress a = p.address().address();
        if (a.isAnyLocalAddress()) {
            a = sameFamilySource(a, source); // section 4.2.4: the wildcard names the packet's source
        }
        if (a == null || !peer.contains(a)) {
            return UnresolvableAddressCause.of(p.address()); // not an address of the association
        }
        peer.setPrimary(a);
        return null;
    }

    /** The packet's source when it is of the wildcard's family, else null. */
    private static InetAddress sameFamilySource(InetAddress wildcard, InetAddress source) {
        if (source == null) {
            return null;
        }
        return (wildcard instanceof Inet4Address) == (source instanceof Inet4Address) ? source : null;
    }

    /**
     * The correlation ID of a request; for a parameter we do not know, the first four bytes of its
     * value, where every ASCONF parameter of RFC 5061 section 4.2 carries it (0 if shorter).
     */
    private static int correlationIdOf(Parameter p) {
        if (p instanceof CorrelatedParameter c) {
            return c.correlationId();
        }
        if (p instanceof UnknownParameter u && u.value().length() >= 4) {
            Bytes v = u.value();
            return v.getUnsigned(0) << 24 | v.getUnsigned(1) << 16 | v.getUnsigned(2) << 8 | v.getUnsigned(3);
        }
        return 0;
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xFF;
    }
}
