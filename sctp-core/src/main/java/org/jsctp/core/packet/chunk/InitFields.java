package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;
import org.jsctp.core.seq.Tsn;

/**
 * The fixed fields that INIT (RFC 9260 section 3.3.2) and INIT ACK (section 3.3.3) share, read
 * and written in one place.
 *
 * <pre>
 *  Initiate Tag (32) | Advertised Receiver Window Credit (32)
 *  Number of Outbound Streams (16) | Number of Inbound Streams (16) | Initial TSN (32)
 * </pre>
 */
record InitFields(int initiateTag, int advertisedReceiverWindowCredit, int outboundStreams, int inboundStreams,
                  Tsn initialTsn) {

    /** Length of the fixed fields after the chunk header. */
    static final int LENGTH = 16;
    /** Room for parameters once the chunk header and the fixed fields are counted. */
    static final int MAX_PARAMETERS_LENGTH = 0xFFFF - Tlv.HEADER_LENGTH - LENGTH;

    InitFields {
        checkStreams(outboundStreams, inboundStreams);
        Objects.requireNonNull(initialTsn, "initialTsn");
    }

    static void checkStreams(int outboundStreams, int inboundStreams) {
        if (outboundStreams < 0 || outboundStreams > 0xFFFF) {
            throw new IllegalArgumentException("number of outbound streams is a 16-bit value: " + outboundStreams);
        }
        if (inboundStreams < 0 || inboundStreams > 0xFFFF) {
            throw new IllegalArgumentException("number of inbound streams is a 16-bit value: " + inboundStreams);
        }
    }

    /** A defensive copy of {@code parameters}, checked to fit the chunk's 16-bit length. */
    static List<Parameter> copyParameters(List<? extends Parameter> parameters) {
        List<Parameter> copy = List.copyOf(parameters);
        int length = Parameters.listLength(copy);
        if (length > MAX_PARAMETERS_LENGTH) {
            throw new IllegalArgumentException("parameters too long for one chunk: " + length + " bytes");
        }
        return copy;
    }

    static InitFields read(WireReader value) throws DecodeException {
        int initiateTag = value.readU32();
        int advertisedReceiverWindowCredit = value.readU32();
        // RFC 9260 sections 3.3.2 and 3.3.3: a zero stream count is answered with an ABORT that
        // carries the Initiate Tag, so it has to decode; the association makes that decision.
        int outboundStreams = value.readU16();
        int inboundStreams = value.readU16();
        Tsn initialTsn = new Tsn(value.readU32());
        return new InitFields(initiateTag, advertisedReceiverWindowCredit, outboundStreams, inboundStreams, initialTsn);
    }

    static void write(ByteBuffer out, int initiateTag, int advertisedReceiverWindowCredit, int outboundStreams,
                      int inboundStreams, Tsn initialTsn) {
        WireWriter.writeU32(out, initiateTag);
        WireWriter.writeU32(out, advertisedReceiverWindowCredit);
        WireWriter.writeU16(out, outboundStreams);
        WireWriter.writeU16(out, inboundStreams);
        WireWriter.writeU32(out, initialTsn.value());
    }
}
