package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.WireElement;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.Parameters;

/**
 * Shared rules for causes whose value is a copy of other bytes: a chunk, parameters, an ASCONF
 * parameter, a packet. Such copies are kept byte for byte and their inner structure is not
 * decoded here: they echo what one side sent, and a quirk in an echo must not make the whole
 * ABORT or ERROR that carries it undecodable. Only the minimum size their definition implies
 * (a 4-byte TLV header, where the RFC says a whole TLV is copied) is checked.
 */
final class Echoed {

    /** Largest value of one error cause: its 16-bit length counts the 4-byte header. */
    static final int MAX_VALUE_LENGTH = 0xFFFF - Tlv.HEADER_LENGTH;

    private Echoed() {
    }

    /** Checks a constructor argument: at least {@code minimum} bytes, and not too long for one cause. */
    static Bytes check(Bytes bytes, int minimum, String what) {
        if (bytes.length() < minimum) {
            throw new IllegalArgumentException(what + " needs at least " + minimum + " bytes: " + bytes.length());
        }
        if (bytes.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(what + " too long for one error cause: " + bytes.length());
        }
        return bytes;
    }

    /** Reads the rest of the value, which must hold at least {@code minimum} bytes. */
    static Bytes read(WireReader value, int minimum, String what) throws DecodeException {
        if (value.remaining() < minimum) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    what + " needs at least " + minimum + " bytes, " + value.remaining() + " present");
        }
        return value.readRemaining();
    }

    /** One element's header and value, without padding, as the causes copy it. */
    static Bytes encode(WireElement element) {
        return element.toUnpaddedBytes();
    }

    /** Parameters as they sit in a chunk: each padded but the last (RFC 9260 section 3.2). */
    static Bytes encode(List<? extends Parameter> parameters) {
        ByteBuffer out = ByteBuffer.allocate(Parameters.listLength(parameters));
        Parameters.encodeList(out, parameters);
        return Bytes.wrap(out.array());
    }
}
