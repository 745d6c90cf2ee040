package org.jsctp.core.packet.golden;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds small pcapng files and the frames in them, for {@link PcapngTest}. Blocks are written
 * in the byte order given at construction; frame contents (IP, UDP) are always big-endian.
 */
final class PcapngBuilder {

    private final ByteOrder order;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PcapngBuilder(ByteOrder order) {
        this.order = order;
    }

    /** A Section Header Block, version 1.0, section length unspecified. */
    PcapngBuilder sectionHeader() {
        ByteBuffer body = body(16);
        body.putInt(Pcapng.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(Pcapng.SECTION_HEADER_BLOCK, body.array());
    }

    PcapngBuilder interfaceDescription(int linkType, int snapLength) {
        ByteBuffer body = body(8);
        body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        return block(Pcapng.INTERFACE_DESCRIPTION_BLOCK, body.array());
    }

    PcapngBuilder enhancedPacket(int interfaceId, byte[] data) {
        ByteBuffer body = body(20 + padded(data.length));
        body.putInt(interfaceId).putInt(0).putInt(0).putInt(data.length).putInt(data.length).put(data);
        return block(Pcapng.ENHANCED_PACKET_BLOCK, body.array());
    }

    PcapngBuilder simplePacket(int originalLength, byte[] data) {
        ByteBuffer body = body(4 + padded(data.length));
        body.putInt(originalLength).put(data);
        return block(Pcapng.SIMPLE_PACKET_BLOCK, body.array());
    }

    /** Any block: type, total length, body (padded here), total length. */
    PcapngBuilder block(int type, byte[] body) {
        int length = 12 + padded(body.length);
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(type).putInt(length).put(body).position(length - 4);
        b.putInt(length);
        out.writeBytes(b.array());
        return this;
    }

    /** Raw bytes, e.g. garbage after the last block. */
    PcapngBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private ByteBuffer body(int length) {
        return ByteBuffer.allocate(length).order(order);
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    // Frame contents.

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        return b.array();
    }

    /** An IPv4 packet with {@code optionWords} 4-byte words of options (NOPs) in its header. */
    static byte[] ipv4(byte[] source, byte[] destination, int protocol, int optionWords, byte[] payload) {
        int headerLength = 20 + 4 * optionWords;
        ByteBuffer b = ByteBuffer.allocate(headerLength + payload.length);
        b.put((byte) (0x40 | (headerLength / 4))).put((byte) 0).putShort((short) (headerLength + payload.length))
                .putShort((short) 1).putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(source).put(destination);
        for (int i = 0; i < 4 * optionWords; i++) {
            b.put((byte) 1);
        }
        b.put(payload);
        return b.array();
    }

    static byte[] ipv6(byte[] source, byte[] destination, int nextHeader, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) nextHeader).put((byte) 64)
                .put(source).put(destination).put(payload);
        return b.array();
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(new byte[12]).putShort((short) etherType).put(payload);
        return b.array();
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
