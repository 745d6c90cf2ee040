package org.jsctp.core.packet.param;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Lists of 8-bit and 16-bit unsigned fields that fill the rest of a parameter's value, as in
 * Supported Address Types, Supported Extensions, Chunk List, Requested HMAC Algorithm and the
 * stream lists of the RE-CONFIG requests.
 *
 * <p>Lists are sized by the bytes actually present, never by a length field.
 */
final class FieldLists {

    private FieldLists() {
    }

    /** Reads one 8-bit value per remaining byte. */
    static List<Integer> readU8List(WireReader value) throws DecodeException {
        List<Integer> out = new ArrayList<>(value.remaining());
        while (value.hasRemaining()) {
            out.add(value.readU8());
        }
        return List.copyOf(out);
    }

    /** Reads 16-bit values up to the end; an odd number of bytes cannot hold such a list. */
    static List<Integer> readU16List(WireReader value, String what) throws DecodeException {
        if ((value.remaining() & 1) != 0) {
            throw value.fail(DecodeException.Reason.LENGTH_TOO_SHORT,
                    value.remaining() + " bytes cannot hold a list of 16-bit " + what);
        }
        List<Integer> out = new ArrayList<>(value.remaining() / 2);
        while (value.hasRemaining()) {
            out.add(value.readU16());
        }
        return List.copyOf(out);
    }

    /** A defensive copy of {@code values}, each checked to fit 8 bits. */
    static List<Integer> checkedU8List(List<Integer> values, String what) {
        List<Integer> copy = List.copyOf(values);
        for (int v : copy) {
            ValueLimits.u8(v, what);
        }
        return copy;
    }

    /** A defensive copy of {@code values}, each checked to fit 16 bits. */
    static List<Integer> checkedU16List(List<Integer> values, String what) {
        List<Integer> copy = List.copyOf(values);
        for (int v : copy) {
            ValueLimits.u16(v, what);
        }
        return copy;
    }

    static void writeU8List(ByteBuffer out, List<Integer> values) {
        for (int v : values) {
            WireWriter.writeU8(out, v);
        }
    }

    static void writeU16List(ByteBuffer out, List<Integer> values) {
        for (int v : values) {
            WireWriter.writeU16(out, v);
        }
    }
}
