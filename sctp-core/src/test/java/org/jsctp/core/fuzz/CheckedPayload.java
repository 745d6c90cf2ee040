package org.jsctp.core.fuzz;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Message payloads that identify and check themselves: a message id, the length, and a CRC32C of
 * the body, followed by a body derived from the id. A receiver finds the id of every message
 * and notices any corruption, truncation or mix-up of fragments.
 *
 * <pre>  id (32) | length (32) | crc32c of body (32) | body</pre>
 */
final class CheckedPayload {

    static final int HEADER = 12;

    private CheckedPayload() {
    }

    /** A payload of exactly {@code size} bytes (at least {@value #HEADER}) for message {@code id}. */
    static byte[] make(int id, int size) {
        byte[] b = new byte[Math.max(size, HEADER)];
        for (int i = HEADER; i < b.length; i++) {
            b[i] = (byte) (id * 7919 + i * 31 + (i >> 8));
        }
        ByteBuffer.wrap(b).putInt(id).putInt(b.length).putInt(crc(b));
        return b;
    }

    /** The id of an intact payload; throws {@link AssertionError} naming the damage otherwise. */
    static int check(byte[] b) {
        if (b.length < HEADER) {
            throw new AssertionError("payload of " + b.length + " bytes is shorter than its header");
        }
        ByteBuffer h = ByteBuffer.wrap(b);
        int id = h.getInt();
        int length = h.getInt();
        int crc = h.getInt();
        if (length != b.length) {
            throw new AssertionError("message " + id + " arrived with " + b.length + " bytes, sent with " + length);
        }
        if (crc != crc(b)) {
            throw new AssertionError("message " + id + " arrived corrupted (CRC32C mismatch)");
        }
        return id;
    }

    private static int crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b, HEADER, b.length - HEADER);
        return (int) c.getValue();
    }
}
