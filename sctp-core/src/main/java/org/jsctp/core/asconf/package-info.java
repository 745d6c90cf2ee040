/**
 * Dynamic address reconfiguration, RFC 5061: the ASCONF sender ({@link org.jsctp.core.asconf.AsconfSender},
 * section 5.1) and receiver ({@link org.jsctp.core.asconf.AsconfReceiver}, section 5.2), sans-IO.
 *
 * <p>They act on addresses through two small interfaces the multi-homing path set implements:
 * {@link org.jsctp.core.asconf.LocalAddressBook} (ours) and
 * {@link org.jsctp.core.asconf.PeerAddressBook} (the peer's); in-memory versions stand in for
 * them. ASCONF and ASCONF-ACK must travel authenticated (RFC 5061 section 4.1.1, RFC 4895): the
 * caller says whether a chunk was.
 */
package org.jsctp.core.asconf;
