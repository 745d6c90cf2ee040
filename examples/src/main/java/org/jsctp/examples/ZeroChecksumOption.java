package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.packet.param.ZeroChecksumAcceptableParameter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --zero-checksum} option of every tool: announce Zero Checksum Acceptable (RFC 9653),
 * accept packets with a zero checksum, and send zero checksums to a peer that announced the same
 * error detection method (EDMID), except where RFC 9653 section 5.2 keeps CRC32C. Giving the flag
 * says that the UDP datagrams are protected by a lower layer at least as well as by CRC32C; it
 * announces EDMID 1 (SCTP over DTLS, the one method RFC 9653 registers) unless
 * {@code --zero-checksum-edmid} names another one agreed with the peer.
 */
final class ZeroChecksumOption {

    @Option(names = "--zero-checksum",
            description = "RFC 9653 zero checksum: only when a lower layer (DTLS, an authenticated tunnel) protects "
                    + "the datagrams; EDMID 1 (SCTP over DTLS) unless --zero-checksum-edmid says otherwise")
    boolean zeroChecksum;

    @Option(names = "--zero-checksum-edmid", paramLabel = "EDMID", defaultValue = "1",
            description = "with --zero-checksum: the error detection method identifier to announce (default ${DEFAULT-VALUE})")
    long edmid;

    /**
     * The EDMID to announce, or 0 for off; an EDMID outside 1..2^32-1 is a usage error.
     *
     * @param spec the command, for the error
     * @return the EDMID as the 32-bit value the wire carries, or 0
     */
    int edmid(CommandSpec spec) {
        if (!zeroChecksum) {
            return ZeroChecksumAcceptableParameter.EDMID_RESERVED;
        }
        if (edmid < 1 || edmid > 0xFFFF_FFFFL) {
            throw new ParameterException(spec.commandLine(),
                    "--zero-checksum-edmid must be 1..4294967295 (0 is reserved, RFC 9653 section 8): " + edmid);
        }
        return (int) edmid;
    }

    /**
     * {@code config} announcing zero checksum when the flag is given.
     *
     * @param config the builder to change
     * @param spec the command, for usage errors
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config, CommandSpec spec) {
        return zeroChecksum ? config.zeroChecksum(edmid(spec)) : config;
    }
}
