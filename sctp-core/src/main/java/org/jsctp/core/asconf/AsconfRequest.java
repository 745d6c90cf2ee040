package org.jsctp.core.asconf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.AddressParameter;
import org.jsctp.core.packet.param.CorrelatedParameter;
import org.jsctp.core.packet.param.DeleteIpAddressParameter;
import org.jsctp.core.packet.param.SetPrimaryAddressParameter;
import org.jsctp.core.packet.param.VtagsParameter;

/**
 * One change of our addresses the user asks the peer to make (RFC 5061 section 1): add one of our
 * addresses to the association, delete one, or make one the peer's primary destination. Each goes
 * to the peer as one ASCONF parameter (section 4.2).
 */
public sealed interface AsconfRequest {

    /** {@return our address the request is about} */
    InetAddress address();

    /**
     * {@return the ASCONF parameter carrying this request under {@code correlationId}}
     *
     * @param correlationId the ASCONF-Request Correlation ID, unique within the ASCONF
     */
    CorrelatedParameter toParameter(int correlationId);

    /**
     * Add IP Address (RFC 5061 section 4.2.1): a new address of ours for the association.
     *
     * @param address our address to add, IPv4 or IPv6
     */
    record AddAddress(InetAddress address) implements AsconfRequest {
        /**
         * Checks that {@code address} is an IPv4 or IPv6 address.
         *
         * @param address our address to add, IPv4 or IPv6
         */
        public AddAddress {
            AddressParameter.of(address); // an IPv4 or IPv6 address, nothing else
        }

        @Override
        public CorrelatedParameter toParameter(int correlationId) {
            return new AddIpAddressParameter(correlationId, AddressParameter.of(address));
        }
    }

    /**
     * Delete IP Address (RFC 5061 section 4.2.2): an address of ours leaves the association.
     *
     * @param address our address to delete, IPv4 or IPv6
     */
    record DeleteAddress(InetAddress address) implements AsconfRequest {
        /**
         * Checks that {@code address} is an IPv4 or IPv6 address.
         *
         * @param address our address to delete, IPv4 or IPv6
         */
        public DeleteAddress {
            AddressParameter.of(address);
        }

        @Override
        public CorrelatedParameter toParameter(int correlationId) {
            return new DeleteIpAddressParameter(correlationId, AddressParameter.of(address));
        }
    }

    /**
     * Set Primary Address (RFC 5061 section 4.2.4): the peer is asked to send to this address of
     * ours as its primary destination.
     *
     * @param address our address the peer should send to, IPv4 or IPv6
     */
    record SetPrimary(InetAddress address) implements AsconfRequest {
        /**
         * Checks that {@code address} is an IPv4 or IPv6 address.
         *
         * @param address our address the peer should send to, IPv4 or IPv6
         */
        public SetPrimary {
            AddressParameter.of(address);
        }

        @Override
        public CorrelatedParameter toParameter(int correlationId) {
            return new SetPrimaryAddressParameter(correlationId, AddressParameter.of(address));
        }
    }

    /**
     * VTags (draft-ietf-tsvwg-natsupp sections 5.3.2 and 6.4): not a change of our addresses but
     * the tags of the association, for the NAT functions on the path, one of which reported that it
     * lost its entry for us (Missing State). The ASCONF carrying it re-creates that entry as it
     * passes; the peer has nothing to do for it.
     *
     * @param internalVerificationTag the tag chosen by the host behind the NAT function
     * @param remoteVerificationTag the tag chosen by the host outside it
     */
    record RestoreNatState(int internalVerificationTag, int remoteVerificationTag) implements AsconfRequest {

        /** The wildcard 0.0.0.0: this request is about no address of ours. */
        @Override
        public InetAddress address() {
            return WILDCARD;
        }

        @Override
        public CorrelatedParameter toParameter(int correlationId) {
            return new VtagsParameter(correlationId, internalVerificationTag, remoteVerificationTag);
        }

        private static final InetAddress WILDCARD = wildcard();

        private static InetAddress wildcard() {
            try {
                return Inet4Address.getByAddress(new byte[4]);
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // four bytes are always an IPv4 address
            }
        }
    }
}
