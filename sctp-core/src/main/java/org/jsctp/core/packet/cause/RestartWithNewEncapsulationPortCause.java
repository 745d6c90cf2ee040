package org.jsctp.core.packet.cause;

import java.nio.ByteBuffer;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.WireReader;
import org.jsctp.core.packet.WireWriter;

/**
 * Restart of an Association with New Encapsulation Port, cause code 14, from
 * draft-tuexen-tsvwg-sctp-udp-encaps-cons (which updates RFC 6951; section 4.4 in its -03
 * version): an INIT for an existing association arrived from a different UDP encapsulation port,
 * and the restart is refused with an ABORT.
 *
 * <pre>
 *  Cause Code = 14 | Cause Length = 8
 *  Current Encapsulation Port (16) | New Encapsulation Port (16)
 * </pre>
 *
 * @param currentPort the UDP encapsulation port the association uses
 * @param newPort the UDP port the INIT came from
 */
public record RestartWithNewEncapsulationPortCause(int currentPort, int newPort) implements ErrorCause {

    /** Length in bytes of the error cause's value, after its 4-byte header. */
    public static final int VALUE_LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param currentPort the UDP encapsulation port the association uses
     * @param newPort the UDP port the INIT came from
     * @throws IllegalArgumentException if a component is out of range
     */
    public RestartWithNewEncapsulationPortCause {
        if (currentPort < 0 || currentPort > 0xFFFF || newPort < 0 || newPort > 0xFFFF) {
            throw new IllegalArgumentException("ports are 16-bit values: " + currentPort + ", " + newPort);
        }
    }

    /**
     * Decodes the error cause from its value (the bytes after its 4-byte type and length header).
     *
     * @param value the error cause value, without padding
     * @return the error cause
     * @throws DecodeException if the value is malformed (a field out of range or a wrong length)
     */
    public static RestartWithNewEncapsulationPortCause decode(WireReader value) throws DecodeException {
        int currentPort = value.readU16();
        int newPort = value.readU16();
        value.expectEnd(); // Cause Length is 8
        return new RestartWithNewEncapsulationPortCause(currentPort, newPort);
    }

    @Override
    public int code() {
        return CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT;
    }

    @Override
    public String describe() {
        return CauseText.describe(code(), "port " + currentPort + " -> " + newPort);
    }

    @Override
    public int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    public void encodeValue(ByteBuffer out) {
        WireWriter.writeU16(out, currentPort);
        WireWriter.writeU16(out, newPort);
    }
}
