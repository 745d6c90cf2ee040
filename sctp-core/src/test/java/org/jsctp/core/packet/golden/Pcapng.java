package org.jsctp.core.packet.golden;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal pcapng reader for the golden-packet tests: just enough to take UDP payloads out of
 * loopback captures (pcapng as specified in draft-ietf-opsawg-pcapng).
 *
 * <pre>
 *  every block:  Block Type (32) | Block Total Length (32) | body | Block Total Length (32)
 *  SHB  0x0A0D0D0A: Byte-Order Magic 0x1A2B3C4D (32) | Major (16) = 1 | Minor (16) | Section Length (64) | options
 *  IDB  1: LinkType (16) | reserved (16) | SnapLen (32) | options
 *  EPB  6: Interface ID (32) | Timestamp (64) | Captured Length (32) | Original Length (32) | data, padded | options
 *  SPB  3: Original Length (32) | data, padded
 * </pre>
 *
 * <p>The reader takes either byte order, per section, and several sections per file; it skips
 * blocks it does not need (statistics, name resolution, custom) and rejects the obsolete Packet
 * Block (type 2) rather than miscount frames. Every length is checked against the enclosing
 * block and the file, and anything that does not fit fails with a {@link FormatException}
 * naming the block's or frame's position.
 *
 * <p>{@link #udp(Frame)} takes a frame apart down to UDP: Ethernet (with 802.1Q tags), BSD
 * null/loopback, raw IP, raw IPv4, raw IPv6 and Linux cooked captures v1 and v2 as link layer;
 * IPv4 with any header length; IPv6 without extension headers (a UDP datagram behind an
 * extension header fails clearly). Frames that hold no UDP (ARP, ICMP, TCP) give no datagram.
 * IP and UDP checksums are not verified: loopback captures often carry unfinished offloaded
 * ones.
 */
public final class Pcapng {

    public static final int LINKTYPE_NULL = 0;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_RAW = 101;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_IPV4 = 228;
    public static final int LINKTYPE_IPV6 = 229;
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    static final int OBSOLETE_PACKET_BLOCK = 2;
    static final int SIMPLE_PACKET_BLOCK = 3;
    static final int ENHANCED_PACKET_BLOCK = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int IPPROTO_UDP = 17;
    /** IPv6 next-header values that are extension headers, which this reader does not walk. */
    private static final Set<Integer> IPV6_EXTENSION_HEADERS = Set.of(0, 43, 44, 50, 51, 60, 135, 139, 140, 253, 254);
    /** Address family values a null/loopback header may hold for IPv6 (Linux, the BSDs, macOS). */
    private static final Set<Integer> NULL_AF_INET6 = Set.of(10, 24, 28, 30);
    private static final int NULL_AF_INET = 2;

    private Pcapng() {
    }

    /** The file is not well-formed pcapng, or a frame cannot be taken apart as its headers claim. */
    public static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    /**
     * One captured packet.
     *
     * @param number 1-based position among the file's packet blocks, as Wireshark numbers frames
     * @param linkType the link type of the interface it was captured on
     * @param data the captured bytes (a private copy; not copied again by this record)
     * @param originalLength the packet's length on the wire, at least {@code data.length} when not truncated
     */
    public record Frame(int number, int linkType, byte[] data, int originalLength) {
    }

    /**
     * One UDP datagram found in a frame.
     *
     * @param payload the UDP payload (a private copy; not copied again by this record)
     */
    public record UdpDatagram(int frameNumber, InetAddress source, InetAddress destination,
                              int sourcePort, int destinationPort, byte[] payload) {
    }

    /** An Interface Description Block's fields this reader uses; a snap length of 0 means none. */
    private record Interface(int linkType, long snapLength) {
    }

    /** Reads every packet of the file at {@code path}. */
    public static List<Frame> readFrames(Path path) throws IOException {
        return readFrames(Files.readAllBytes(path));
    }

    /** Every packet block's frame, in file order. */
    public static List<Frame> readFrames(byte[] file) {
        if (file.length < 12) {
            throw new FormatException("file of " + file.length + " bytes is too short for a Section Header Block");
        }
        List<Frame> frames = new ArrayList<>();
        List<Interface> interfaces = new ArrayList<>(); // of the current section
        ByteBuffer in = ByteBuffer.wrap(file);
        ByteOrder order = null; // of the current section; none before the first Section Header Block
        int offset = 0;
        while (offset < file.length) {
            if (file.length - offset < 12) {
                throw new FormatException("block at offset " + offset + ": only " + (file.length - offset)
                        + " bytes left, too few for a block");
            }
            // The Section Header Block's type reads the same in either byte order.
            if (in.order(ByteOrder.BIG_ENDIAN).getInt(offset) == SECTION_HEADER_BLOCK) {
                order = sectionByteOrder(in, offset);
                interfaces.clear();
            } else if (order == null) {
                throw new FormatException("block at offset 0: type 0x" + Integer.toHexString(in.getInt(offset))
                        + " is not a Section Header Block; not a pcapng file");
            }
            in.order(order);
            int type = in.getInt(offset);
            int length = blockLength(in, offset);
            int body = offset + 8;
            int bodyLength = length - 12;
            switch (type) {
                case SECTION_HEADER_BLOCK -> checkSectionHeader(in, offset, bodyLength);
                case INTERFACE_DESCRIPTION_BLOCK -> interfaces.add(interfaceDescription(in, offset, body, bodyLength));
                case ENHANCED_PACKET_BLOCK -> frames.add(enhancedPacket(in, offset, body, bodyLength, interfaces,
                        frames.size() + 1));
                case SIMPLE_PACKET_BLOCK -> frames.add(simplePacket(in, offset, body, bodyLength, interfaces,
                        frames.size() + 1));
                case OBSOLETE_PACKET_BLOCK -> throw new FormatException("block at offset " + offset
                        + ": obsolete Packet Block (type 2) is not supported");
                default -> {
                    // statistics, name resolution, decryption secrets, custom blocks: not needed here
                }
            }
            offset += length;
        }
        return frames;
    }

    /** Byte order of the section whose header starts at {@code offset}, from its byte-order magic. */
    private static ByteOrder sectionByteOrder(ByteBuffer in, int offset) {
        int magic = in.order(ByteOrder.BIG_ENDIAN).getInt(offset + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        throw new FormatException("Section Header Block at offset " + offset + ": byte-order magic 0x"
                + Integer.toHexString(magic) + " is neither 1a2b3c4d nor 4d3c2b1a");
    }

    /** The block's total length, checked against the file and the trailing copy. */
    private static int blockLength(ByteBuffer in, int offset) {
        long length = Integer.toUnsignedLong(in.getInt(offset + 4));
        long left = in.capacity() - offset;
        if (length < 12 || length % 4 != 0) {
            throw new FormatException("block at offset " + offset + ": total length " + length
                    + " is not a multiple of 4 of at least 12");
        }
        if (length > left) {
            throw new FormatException("block at offset " + offset + ": total length " + length
                    + " runs past the end of the file (" + left + " bytes left)");
        }
        int trailing = in.getInt(offset + (int) length - 4);
        if (trailing != (int) length) {
            throw new FormatException("block at offset " + offset + ": trailing total length "
                    + Integer.toUnsignedString(trailing) + " differs from the leading " + length);
        }
        return (int) length;
    }

    private static void checkSectionHeader(ByteBuffer in, int offset, int bodyLength) {
        if (bodyLength < 16) {
            throw new FormatException("Section Header Block at offset " + offset + ": body of " + bodyLength
                    + " bytes, needs 16");
        }
        int major = in.getShort(offset + 12) & 0xFFFF;
        if (major != 1) {
            throw new FormatException("Section Header Block at offset " + offset + ": major version " + major
                    + ", only 1 is defined");
        }
    }

    private static Interface interfaceDescription(ByteBuffer in, int offset, int body, int bodyLength) {
        if (bodyLength < 8) {
            throw new FormatException("Interface Description Block at offset " + offset + ": body of "
                    + bodyLength + " bytes, needs 8");
        }
        int linkType = in.getShort(body) & 0xFFFF;
        long snapLength = Integer.toUnsignedLong(in.getInt(body + 4));
        return new Interface(linkType, snapLength);
    }

    private static Frame enhancedPacket(ByteBuffer in, int offset, int body, int bodyLength,
                                        List<Interface> interfaces, int number) {
        String where = "Enhanced Packet Block at offset " + offset + " (frame " + number + ")";
        if (bodyLength < 20) {
            throw new FormatException(where + ": body of " + bodyLength + " bytes, needs 20");
        }
        long interfaceId = Integer.toUnsignedLong(in.getInt(body));
        if (interfaceId >= interfaces.size()) {
            throw new FormatException(where + ": interface " + interfaceId + " is not described ("
                    + interfaces.size() + " interfaces in this section)");
        }
        long captured = Integer.toUnsignedLong(in.getInt(body + 12));
        long original = Integer.toUnsignedLong(in.getInt(body + 16));
        if (captured > bodyLength - 20) {
            throw new FormatException(where + ": captured length " + captured + " exceeds the "
                    + (bodyLength - 20) + " data bytes the block holds");
        }
        int start = body + 20;
        byte[] data = Arrays.copyOfRange(in.array(), start, start + (int) captured);
        int linkType = interfaces.get((int) interfaceId).linkType();
        return new Frame(number, linkType, data, (int) Math.min(original, Integer.MAX_VALUE));
    }

    private static Frame simplePacket(ByteBuffer in, int offset, int body, int bodyLength,
                                      List<Interface> interfaces, int number) {
        String where = "Simple Packet Block at offset " + offset + " (frame " + number + ")";
        if (bodyLength < 4) {
            throw new FormatException(where + ": body of " + bodyLength + " bytes, needs 4");
        }
        if (interfaces.isEmpty()) {
            throw new FormatException(where + ": no interface described before it");
        }
        long original = Integer.toUnsignedLong(in.getInt(body));
        long snapLength = interfaces.get(0).snapLength();
        // The captured length is what fits: the original length, cut to the snap length and the block.
        long captured = Math.min(original, bodyLength - 4);
        if (snapLength != 0) {
            captured = Math.min(captured, snapLength);
        }
        int start = body + 4;
        byte[] data = Arrays.copyOfRange(in.array(), start, start + (int) captured);
        return new Frame(number, interfaces.get(0).linkType(), data, (int) Math.min(original, Integer.MAX_VALUE));
    }

    /** Every UDP datagram in the file, in frame order; frames without UDP are left out. */
    public static List<UdpDatagram> readUdp(byte[] file) {
        List<UdpDatagram> out = new ArrayList<>();
        for (Frame f : readFrames(file)) {
            udp(f).ifPresent(out::add);
        }
        return out;
    }

    /** The UDP datagram a frame carries, if it carries one. */
    public static Optional<UdpDatagram> udp(Frame frame) {
        byte[] d = frame.data();
        return switch (frame.linkType()) {
            case LINKTYPE_ETHERNET -> {
                need(frame, 14, "Ethernet header");
                int etherType = u16(d, 12);
                int offset = 14;
                while (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ) {
                    need(frame, offset + 4, "802.1Q tag");
                    etherType = u16(d, offset + 2);
                    offset += 4;
                }
                yield byEtherType(frame, etherType, offset);
            }
            case LINKTYPE_LINUX_SLL -> {
                need(frame, 16, "Linux cooked header");
                yield byEtherType(frame, u16(d, 14), 16);
            }
            case LINKTYPE_LINUX_SLL2 -> {
                need(frame, 20, "Linux cooked v2 header");
                yield byEtherType(frame, u16(d, 0), 20);
            }
            case LINKTYPE_NULL -> {
                need(frame, 4, "null/loopback header");
                int big = ByteBuffer.wrap(d, 0, 4).getInt();
                int little = Integer.reverseBytes(big);
                if (big == NULL_AF_INET || little == NULL_AF_INET) {
                    yield ipv4(frame, 4);
                } else if (NULL_AF_INET6.contains(big) || NULL_AF_INET6.contains(little)) {
                    yield ipv6(frame, 4);
                }
                yield Optional.empty();
            }
            case LINKTYPE_RAW -> {
                need(frame, 1, "IP header");
                int version = (d[0] & 0xFF) >> 4;
                if (version == 4) {
                    yield ipv4(frame, 0);
                } else if (version == 6) {
                    yield ipv6(frame, 0);
                }
                throw fail(frame, "raw IP packet with IP version " + version);
            }
            case LINKTYPE_IPV4 -> ipv4(frame, 0);
            case LINKTYPE_IPV6 -> ipv6(frame, 0);
            default -> throw fail(frame, "link type " + frame.linkType() + " is not supported");
        };
    }

    private static Optional<UdpDatagram> byEtherType(Frame frame, int etherType, int offset) {
        return switch (etherType) {
            case ETHERTYPE_IPV4 -> ipv4(frame, offset);
            case ETHERTYPE_IPV6 -> ipv6(frame, offset);
            default -> Optional.empty();
        };
    }

    private static Optional<UdpDatagram> ipv4(Frame frame, int offset) {
        byte[] d = frame.data();
        need(frame, offset + 20, "IPv4 header");
        int version = (d[offset] & 0xFF) >> 4;
        if (version != 4) {
            throw fail(frame, "IPv4 header at offset " + offset + " has version " + version);
        }
        int headerLength = (d[offset] & 0x0F) * 4;
        if (headerLength < 20) {
            throw fail(frame, "IPv4 header length " + headerLength + " is below 20");
        }
        int totalLength = u16(d, offset + 2);
        if (totalLength < headerLength) {
            throw fail(frame, "IPv4 total length " + totalLength + " is below its header length " + headerLength);
        }
        need(frame, offset + totalLength, "IPv4 packet of total length " + totalLength);
        if (d[offset + 9] != IPPROTO_UDP) {
            return Optional.empty();
        }
        int fragment = u16(d, offset + 6);
        if ((fragment & 0x3FFF) != 0) {
            throw fail(frame, "fragmented IPv4 datagram (flags/offset 0x" + Integer.toHexString(fragment)
                    + ") is not supported");
        }
        InetAddress source = address(d, offset + 12, 4);
        InetAddress destination = address(d, offset + 16, 4);
        return Optional.of(udpDatagram(frame, offset + headerLength, offset + totalLength, source, destination));
    }

    private static Optional<UdpDatagram> ipv6(Frame frame, int offset) {
        byte[] d = frame.data();
        need(frame, offset + 40, "IPv6 header");
        int version = (d[offset] & 0xFF) >> 4;
        if (version != 6) {
            throw fail(frame, "IPv6 header at offset " + offset + " has version " + version);
        }
        int payloadLength = u16(d, offset + 4);
        int nextHeader = d[offset + 6] & 0xFF;
        need(frame, offset + 40 + payloadLength, "IPv6 payload of length " + payloadLength);
        if (IPV6_EXTENSION_HEADERS.contains(nextHeader)) {
            throw fail(frame, "IPv6 extension header " + nextHeader + " is not supported");
        }
        if (nextHeader != IPPROTO_UDP) {
            return Optional.empty();
        }
        InetAddress source = address(d, offset + 8, 16);
        InetAddress destination = address(d, offset + 24, 16);
        return Optional.of(udpDatagram(frame, offset + 40, offset + 40 + payloadLength, source, destination));
    }

    /** The UDP datagram in {@code data[start, end)}, the IP payload. */
    private static UdpDatagram udpDatagram(Frame frame, int start, int end, InetAddress source,
                                           InetAddress destination) {
        byte[] d = frame.data();
        if (end - start < 8) {
            throw fail(frame, "IP payload of " + (end - start) + " bytes is too short for a UDP header");
        }
        int length = u16(d, start + 4);
        if (length < 8 || length > end - start) {
            throw fail(frame, "UDP length " + length + " does not fit the IP payload of " + (end - start) + " bytes");
        }
        byte[] payload = Arrays.copyOfRange(d, start + 8, start + length);
        return new UdpDatagram(frame.number(), source, destination, u16(d, start), u16(d, start + 2), payload);
    }

    private static void need(Frame frame, int bytes, String what) {
        if (frame.data().length < bytes) {
            throw fail(frame, what + " needs " + bytes + " bytes, " + frame.data().length + " captured");
        }
    }

    private static FormatException fail(Frame frame, String detail) {
        return new FormatException("frame " + frame.number() + ": " + detail);
    }

    private static int u16(byte[] d, int offset) {
        return ((d[offset] & 0xFF) << 8) | (d[offset + 1] & 0xFF);
    }

    private static InetAddress address(byte[] d, int offset, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(d, offset, offset + length));
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4- or 16-byte address is always valid", e);
        }
    }
}
