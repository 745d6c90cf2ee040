package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;

/**
 * Random (RANDOM), RFC 4895 section 3.1: the random number an endpoint contributes to the
 * association's AUTH key.
 *
 * <pre>
 *  type = 0x8002 | length
 *  Random Number (length - 4 bytes)
 * </pre>
 *
 * <p>RFC 4895 asks senders for {@value #RECOMMENDED_LENGTH} bytes of randomness. The decoder accepts
 * any non-empty number: the key is built from whatever the peer sent, and judging its strength is
 * the association's policy, not the wire format's.
 *
 * @param random the random number bytes, at least one
 */
public record RandomParameter(Bytes random) implements Parameter {

    /** Length of the random number RFC 4895 section 3.1 asks for. */
    public static final int RECOMMENDED_LENGTH = 32;

    /**
     * Checks the ranges.
     *
     * @param random the random number bytes, at least one
     * @throws IllegalArgumentException if a component is out of range
     */
    public RandomParameter {
        if (random.isEmpty()) {
            throw new IllegalArgumentException("the Random parameter needs at least one byte");
        }
        ValueLimits.valueLength(random.length(), "Random");
    }

    /**
     * Decodes the parameter from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the parameter value, without padding
     * @return the parameter
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static RandomParameter decode(WireReader value) throws DecodeException {
        // RFC 4895 section 3.1: the parameter exists to carry a random number; an empty one
        // contributes nothing to the key and is malformed.
        if (!value.hasRemaining()) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT, "no random number");
        }
        return new RandomParameter(value.readRemaining());
    }

    @Override
    public int type() {
        return ParameterType.RANDOM;
    }

    @Override
    public int valueLength() {
        return random.length();
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        random.writeTo(out);
    }
}
