package org.jsctp.core.packet.chunk;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;
import org.jsctp.core.seq.Tsn;

/**
 * Initiation Acknowledgement (INIT ACK), RFC 9260 section 3.3.3: the answer to an INIT, carrying
 * the State Cookie among its parameters.
 *
 * <pre>
 *  type = 2 | flags: reserved | length
 *  Initiate Tag (32) | Advertised Receiver Window Credit (32)
 *  Number of Outbound Streams (16) | Number of Inbound Streams (16) | Initial TSN (32)
 *  Optional/Variable-Length Parameters (length - 20 bytes), State Cookie mandatory
 * </pre>
 *
 * <p>Unlike an INIT, an INIT ACK with an Initiate Tag of 0 decodes: RFC 9260 section 3.3.3 has
 * the receiver destroy the association, which only the association can do. Whether the
 * mandatory State Cookie is present is likewise for the association to check (section 5.1).
 *
 * @param initiateTag the Verification Tag the sender expects in every packet it receives
 * @param advertisedReceiverWindowCredit a_rwnd, the sender's receive buffer in bytes (32-bit unsigned)
 * @param outboundStreams OS, the number of streams the sender wants to open (16-bit)
 * @param inboundStreams MIS, the most inbound streams the sender accepts (16-bit)
 * @param initialTsn the TSN of the sender's first DATA chunk
 * @param parameters the parameters, in wire order
 */
public record InitAckChunk(int initiateTag, int advertisedReceiverWindowCredit, int outboundStreams,
                           int inboundStreams, Tsn initialTsn, List<Parameter> parameters) implements Chunk {

    /**
     * Rejects null, checks the ranges, copies what is mutable.
     *
     * @param initiateTag the Verification Tag the sender expects in every packet it receives
     * @param advertisedReceiverWindowCredit a_rwnd, the sender's receive buffer in bytes (32-bit unsigned)
     * @param outboundStreams OS, the number of streams the sender wants to open (16-bit)
     * @param inboundStreams MIS, the most inbound streams the sender accepts (16-bit)
     * @param initialTsn the TSN of the sender's first DATA chunk
     * @param parameters the parameters, in wire order
     */
    public InitAckChunk {
        InitFields.checkStreams(outboundStreams, inboundStreams);
        Objects.requireNonNull(initialTsn, "initialTsn");
        parameters = InitFields.copyParameters(parameters);
    }

    /**
     * Decodes the chunk from its flags and its value (the bytes after the 4-byte chunk header).
     *
     * @param flags the chunk flags byte
     * @param value the chunk value, without padding
     * @return the chunk
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static InitAckChunk decode(int flags, WireReader value) throws DecodeException {
        InitFields fixed = InitFields.read(value);
        // RFC 9260 section 3.2.1: the parameters fill the rest of the chunk.
        List<Parameter> parameters = Parameters.decodeList(value);
        return new InitAckChunk(fixed.initiateTag(), fixed.advertisedReceiverWindowCredit(), fixed.outboundStreams(),
                fixed.inboundStreams(), fixed.initialTsn(), parameters);
    }

    @Override
    public int type() {
        return ChunkType.INIT_ACK;
    }

    @Override
    public int valueLength() {
        return InitFields.LENGTH + Parameters.listLength(parameters);
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        InitFields.write(out, initiateTag, advertisedReceiverWindowCredit, outboundStreams, inboundStreams, initialTsn);
        Parameters.encodeList(out, parameters);
    }
}
