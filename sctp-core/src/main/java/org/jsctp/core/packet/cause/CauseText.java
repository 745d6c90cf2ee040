package org.jsctp.core.packet.cause;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.param.ParameterType;

/**
 * Text for {@link ErrorCause#describe()}. Everything shown comes from the peer, so it is made
 * printable and short, and summarising echoed bytes never fails, however malformed they are.
 */
final class CauseText {

    /** Longest peer-supplied text shown, in characters. */
    static final int MAX_TEXT = 120;
    /** Most elements listed when summarising a run of TLVs. */
    static final int MAX_LISTED = 8;

    private static final int IPV4_TLV = 8;
    private static final int IPV6_TLV = 20;
    /** ASCONF request parameters: header, 4-byte correlation ID, then an address parameter. */
    private static final int ASCONF_PREFIX = 8;

    private CauseText() {
    }

    /** "Name: detail", or just the name when there is no detail. */
    static String describe(int code, String detail) {
        return detail.isEmpty() ? CauseCode.name(code) : CauseCode.name(code) + ": " + detail;
    }

    static Bytes utf8(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes UTF-8; malformed sequences become U+FFFD, so this never fails. */
    static String utf8(Bytes bytes) {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    /** {@code text} with control and format characters replaced and cut to {@link #MAX_TEXT}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT + 3));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == MAX_TEXT) {
                return out.append("...").toString();
            }
            boolean unsafe = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
            out.appendCodePoint(unsafe ? 0xFFFD : cp);
        }
        return out.toString();
    }

    /** A list of the TLVs in {@code tlvs}, e.g. "10.0.0.1, Host Name Address example.org". */
    static String parameters(Bytes tlvs) {
        StringBuilder out = new StringBuilder();
        int offset = 0;
        int listed = 0;
        while (tlvs.length() - offset >= Tlv.HEADER_LENGTH) {
            int length = u16(tlvs, offset + 2);
            if (length < Tlv.HEADER_LENGTH) {
                break;
            }
            if (listed == MAX_LISTED) {
                return out.append(", ...").toString();
            }
            if (listed++ > 0) {
                out.append(", ");
            }
            out.append(parameter(tlvs, offset, Math.min(length, tlvs.length() - offset), true));
            offset += Tlv.padded(length);
        }
        if (offset < tlvs.length()) {
            out.append(listed > 0 ? ", " : "").append(tlvs.length() - offset).append(" more bytes");
        }
        return out.toString();
    }

    /** One TLV of {@code available} bytes at {@code offset}: addresses are shown, others named. */
    private static String parameter(Bytes b, int offset, int available, boolean unwrapAsconf) {
        int type = u16(b, offset);
        if (type == ParameterType.IPV4_ADDRESS && available >= IPV4_TLV) {
            return address(b, offset + Tlv.HEADER_LENGTH, 4);
        }
        if (type == ParameterType.IPV6_ADDRESS && available >= IPV6_TLV) {
            return address(b, offset + Tlv.HEADER_LENGTH, 16);
        }
        if (type == ParameterType.HOST_NAME_ADDRESS) {
            int size = Math.max(0, available - Tlv.HEADER_LENGTH);
            return "Host Name Address " + hostName(b, offset + Tlv.HEADER_LENGTH, size);
        }
        boolean asconfRequest = type == ParameterType.ADD_IP_ADDRESS || type == ParameterType.DELETE_IP_ADDRESS
                || type == ParameterType.SET_PRIMARY_ADDRESS;
        if (asconfRequest && unwrapAsconf && available >= ASCONF_PREFIX + Tlv.HEADER_LENGTH) {
            int inner = offset + ASCONF_PREFIX;
            int innerLength = Math.min(u16(b, inner + 2), available - ASCONF_PREFIX);
            return ParameterType.name(type) + " " + parameter(b, inner, innerLength, false);
        }
        return ParameterType.name(type);
    }

    private static String address(Bytes b, int offset, int size) {
        try {
            return InetAddress.getByAddress(b.slice(offset, size).toByteArray()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes always form an address", e);
        }
    }

    /** RFC 9260 section 3.3.2.1: the host name ends at its first zero byte. */
    private static String hostName(Bytes b, int offset, int size) {
        int end = 0;
        while (end < size && b.getUnsigned(offset + end) != 0) {
            end++;
        }
        return printable(utf8(b.slice(offset, end)));
    }

    private static int u16(Bytes b, int offset) {
        return (b.getUnsigned(offset) << 8) | b.getUnsigned(offset + 1);
    }
}
