package org.jsctp.core.packet.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.core.packet.CodecAssertions.hex;
import static org.jsctp.core.packet.golden.PcapngBuilder.concat;
import static org.jsctp.core.packet.golden.PcapngBuilder.ethernet;
import static org.jsctp.core.packet.golden.PcapngBuilder.ipv4;
import static org.jsctp.core.packet.golden.PcapngBuilder.ipv6;
import static org.jsctp.core.packet.golden.PcapngBuilder.udp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test-only pcapng reader on hand-written files and frames, and on two real captures. */
class PcapngTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final byte[] LOCAL1 = {127, 0, 0, 1};
    private static final byte[] LOCAL2 = {127, 0, 0, 2};
    private static final byte[] V6_LOOPBACK = hex("00000000000000000000000000000001");
    private static final byte[] V6_OTHER = hex("fd000000000000000000000000000002");
    private static final byte[] PAYLOAD = hex("deadbeef");

    /** Ethernet, IPv4 127.0.0.1 -> 127.0.0.2, UDP 9900 -> 9899, payload de ad be ef: 46 bytes. */
    private static final String FRAME = "000000000000 000000000000 0800"
            + "4500 0020 0001 4000 4011 0000 7f000001 7f000002"
            + "26ac 26ab 000c 0000 deadbeef";

    /** Section Header, Interface Description (Ethernet), Enhanced Packet; little-endian. */
    private static final byte[] LITTLE_ENDIAN_FILE = hex(
            "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000"
            + "01000000 14000000 0100 0000 00000400 14000000"
            + "06000000 50000000 00000000 00000000 00000000 2e000000 2e000000" + FRAME + "0000 50000000");

    /** The same file big-endian. */
    private static final byte[] BIG_ENDIAN_FILE = hex(
            "0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffffffffffff 0000001c"
            + "00000001 00000014 0001 0000 00040000 00000014"
            + "00000006 00000050 00000000 00000000 00000000 0000002e 0000002e" + FRAME + "0000 00000050");

    @Test
    void readsAHandWrittenLittleEndianFile() throws Exception {
        assertTheOneFrame(LITTLE_ENDIAN_FILE);
    }

    @Test
    void readsAHandWrittenBigEndianFile() throws Exception {
        assertTheOneFrame(BIG_ENDIAN_FILE);
    }

    private static void assertTheOneFrame(byte[] file) throws Exception {
        List<Pcapng.Frame> frames = Pcapng.readFrames(file);
        assertThat(frames).hasSize(1);
        Pcapng.Frame f = frames.get(0);
        assertThat(f.number()).isEqualTo(1);
        assertThat(f.linkType()).isEqualTo(Pcapng.LINKTYPE_ETHERNET);
        assertThat(f.data()).isEqualTo(hex(FRAME));
        assertThat(f.originalLength()).isEqualTo(46);

        Pcapng.UdpDatagram d = Pcapng.udp(f).orElseThrow();
        assertThat(d.frameNumber()).isEqualTo(1);
        assertThat(d.source()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(d.destination()).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(d.sourcePort()).isEqualTo(9900);
        assertThat(d.destinationPort()).isEqualTo(9899);
        assertThat(d.payload()).isEqualTo(PAYLOAD);
        assertThat(Pcapng.readUdp(file)).singleElement().satisfies(u -> assertThat(u.payload()).isEqualTo(PAYLOAD));
    }

    @Test
    void skipsBlocksItDoesNotNeed() {
        byte[] file = new PcapngBuilder(LE).sectionHeader()
                .block(4, hex("00000000")) // Name Resolution Block, end of records
                .interfaceDescription(Pcapng.LINKTYPE_ETHERNET, 0)
                .block(5, hex("00000000 00000000 00000000")) // Interface Statistics Block
                .enhancedPacket(0, hex(FRAME))
                .block(0x00000BAD, hex("0000a9a9 0102")) // custom block, odd body padded by the builder
                .toByteArray();
        assertThat(Pcapng.readFrames(file)).singleElement().satisfies(f -> {
            assertThat(f.number()).isEqualTo(1);
            assertThat(f.data()).isEqualTo(hex(FRAME));
        });
    }

    @Test
    void framesAreNumberedAcrossSectionsOfEitherByteOrder() {
        byte[] rawIpv4 = ipv4(LOCAL1, LOCAL2, 17, 0, udp(1, 2, PAYLOAD));
        byte[] rawIpv6 = ipv6(V6_LOOPBACK, V6_OTHER, 17, udp(3, 4, PAYLOAD));
        byte[] first = new PcapngBuilder(LE).sectionHeader()
                .interfaceDescription(Pcapng.LINKTYPE_ETHERNET, 0)
                .enhancedPacket(0, hex(FRAME)).toByteArray();
        byte[] second = new PcapngBuilder(BE).sectionHeader()
                .interfaceDescription(Pcapng.LINKTYPE_RAW, 0)
                .enhancedPacket(0, rawIpv4)
                .simplePacket(rawIpv6.length, rawIpv6).toByteArray();
        List<Pcapng.Frame> frames = Pcapng.readFrames(concat(first, second));
        assertThat(frames).extracting(Pcapng.Frame::number).containsExactly(1, 2, 3);
        assertThat(frames).extracting(Pcapng.Frame::linkType)
                .containsExactly(Pcapng.LINKTYPE_ETHERNET, Pcapng.LINKTYPE_RAW, Pcapng.LINKTYPE_RAW);
        assertThat(Pcapng.readUdp(concat(first, second))).extracting(Pcapng.UdpDatagram::sourcePort)
                .containsExactly(9900, 1, 3);
    }

    @Test
    void interfacesOfAnEarlierSectionAreForgotten() {
        byte[] first = new PcapngBuilder(LE).sectionHeader()
                .interfaceDescription(Pcapng.LINKTYPE_ETHERNET, 0)
                .interfaceDescription(Pcapng.LINKTYPE_ETHERNET, 0).toByteArray();
        byte[] second = new PcapngBuilder(LE).sectionHeader()
                .interfaceDescription(Pcapng.LINKTYPE_ETHERNET, 0)
                .enhancedPacket(1, hex(FRAME)).toByteArray();
        assertThatThrownBy(() -> Pcapng.readFrames(concat(first, second)))
                .isInstanceOf(Pcapng.FormatException.class)
                .hasMessageContaining("interface 1 is not described (1 interfaces in this section)");
    }

    @Test
    void simplePacketsAreCutToTheSnapLengthOfInterfaceZero() {
        byte[] packet = ipv4(LOCAL1, LOCAL2, 17, 0, udp(1, 2, new byte[40]));
        byte[] file = new PcapngBuilder(BE).sectionHeader()
                .interfaceDescription(Pcapng.LINKTYPE_IPV4, 30)
                .simplePacket(packet.length, packet).toByteArray();
        Pcapng.Frame frame = Pcapng.readFrames(file).get(0);
        assertThat(frame.data()).hasSize(30).isEqualTo(Arrays.copyOf(packet, 30));
        assertThat(frame.originalLength()).isEqualTo(packet.length);
        assertThatThrownBy(() -> Pcapng.udp(frame)).isInstanceOf(Pcapng.FormatException.class)
                .hasMessageContaining("frame 1: IPv4 packet of total length 68 needs 68 bytes, 30 captured");
    }

    @Test
    void ipv4HeaderLengthIsHonoured() {
        for (int optionWords : new int[] {0, 1, 10}) {
            byte[] packet = ipv4(LOCAL2, LOCAL1, 17, optionWords, udp(5000, 5001, PAYLOAD));
            Pcapng.UdpDatagram d = Pcapng.udp(new Pcapng.Frame(7, Pcapng.LINKTYPE_IPV4, packet, packet.length))
                    .orElseThrow();
            assertThat(d.frameNumber()).isEqualTo(7);
            assertThat(d.sourcePort()).as("options words %d", optionWords).isEqualTo(5000);
            assertThat(d.destinationPort()).isEqualTo(5001);
            assertThat(d.payload()).isEqualTo(PAYLOAD);
        }
    }

    @Test
    void trailingLinkLayerBytesAfterTheIpPacketAreIgnored() {
        byte[] frame = concat(ethernet(0x0800, ipv4(LOCAL1, LOCAL2, 17, 0, udp(1, 2, PAYLOAD))), new byte[6]);
        assertThat(Pcapng.udp(new Pcapng.Frame(1, Pcapng.LINKTYPE_ETHERNET, frame, frame.length)).orElseThrow().payload())
                .isEqualTo(PAYLOAD);
    }

    static Stream<Arguments> linkLayers() {
        byte[] v4 = ipv4(LOCAL1, LOCAL2, 17, 0, udp(9900, 9899, PAYLOAD));
        byte[] v6 = ipv6(V6_LOOPBACK, V6_OTHER, 17, udp(9900, 9899, PAYLOAD));
        return Stream.of(
                Arguments.of("Ethernet IPv4", Pcapng.LINKTYPE_ETHERNET, ethernet(0x0800, v4), LOCAL2),
                Arguments.of("Ethernet IPv6", Pcapng.LINKTYPE_ETHERNET, ethernet(0x86DD, v6), V6_OTHER),
                Arguments.of("Ethernet 802.1Q IPv4", Pcapng.LINKTYPE_ETHERNET,
                        ethernet(0x8100, concat(hex("0005 0800"), v4)), LOCAL2),
                Arguments.of("null AF_INET little-endian", Pcapng.LINKTYPE_NULL, concat(hex("02000000"), v4), LOCAL2),
                Arguments.of("null AF_INET6 (macOS) big-endian", Pcapng.LINKTYPE_NULL, concat(hex("0000001e"), v6),
                        V6_OTHER),
                Arguments.of("null AF_INET6 (Linux) little-endian", Pcapng.LINKTYPE_NULL,
                        concat(hex("0a000000"), v6), V6_OTHER),
                Arguments.of("raw IPv4", Pcapng.LINKTYPE_RAW, v4, LOCAL2),
                Arguments.of("raw IPv6", Pcapng.LINKTYPE_RAW, v6, V6_OTHER),
                Arguments.of("IPv4", Pcapng.LINKTYPE_IPV4, v4, LOCAL2),
                Arguments.of("IPv6", Pcapng.LINKTYPE_IPV6, v6, V6_OTHER),
                Arguments.of("Linux cooked", Pcapng.LINKTYPE_LINUX_SLL,
                        concat(hex("0000 0304 0006 000000000000 0000 0800"), v4), LOCAL2),
                Arguments.of("Linux cooked v2", Pcapng.LINKTYPE_LINUX_SLL2,
                        concat(hex("86dd 0000 00000001 0304 00 06 000000000000 0000"), v6), V6_OTHER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkLayers")
    void udpIsFoundBehindEveryLinkLayer(String name, int linkType, byte[] frame, byte[] destination) throws Exception {
        for (ByteOrder order : List.of(LE, BE)) {
            byte[] file = new PcapngBuilder(order).sectionHeader().interfaceDescription(linkType, 65535)
                    .enhancedPacket(0, frame).toByteArray();
            Pcapng.UdpDatagram d = Pcapng.readUdp(file).get(0);
            assertThat(d.destination()).isEqualTo(InetAddress.getByAddress(destination));
            assertThat(d.sourcePort()).isEqualTo(9900);
            assertThat(d.destinationPort()).isEqualTo(9899);
            assertThat(d.payload()).isEqualTo(PAYLOAD);
        }
    }

    static Stream<Arguments> framesWithoutUdp() {
        return Stream.of(
                Arguments.of("ARP", Pcapng.LINKTYPE_ETHERNET, ethernet(0x0806, new byte[28])),
                Arguments.of("ICMP", Pcapng.LINKTYPE_ETHERNET, ethernet(0x0800, ipv4(LOCAL1, LOCAL2, 1, 0, new byte[8]))),
                Arguments.of("TCP", Pcapng.LINKTYPE_IPV4, ipv4(LOCAL1, LOCAL2, 6, 0, new byte[20])),
                Arguments.of("ICMPv6", Pcapng.LINKTYPE_IPV6, ipv6(V6_LOOPBACK, V6_OTHER, 58, new byte[8])),
                Arguments.of("null, other family", Pcapng.LINKTYPE_NULL, hex("07000000 00000000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesWithoutUdp")
    void framesWithoutUdpGiveNoDatagram(String name, int linkType, byte[] frame) {
        assertThat(Pcapng.udp(new Pcapng.Frame(1, linkType, frame, frame.length))).isEqualTo(Optional.empty());
    }

    static Stream<Arguments> malformedFiles() {
        byte[] good = LITTLE_ENDIAN_FILE; // SHB at 0 (28 bytes), IDB at 28 (20), EPB at 48 (80)
        PcapngBuilder le = new PcapngBuilder(LE).sectionHeader();
        return Stream.of(
                Arguments.of("empty file", new byte[0], "too short for a Section Header Block"),
                Arguments.of("no section header first", Arrays.copyOfRange(good, 28, good.length),
                        "block at offset 0: type 0x1000000 is not a Section Header Block"),
                Arguments.of("bad byte-order magic", patch(good, 8, "4d3c2b1b"), "byte-order magic 0x4d3c2b1b"),
                Arguments.of("major version 2", patch(good, 12, "0200"), "major version 2"),
                Arguments.of("length not a multiple of 4", patch(good, 28 + 4, "15000000"),
                        "block at offset 28: total length 21 is not a multiple of 4"),
                Arguments.of("length below 12", patch(good, 28 + 4, "08000000"),
                        "total length 8 is not a multiple of 4 of at least 12"),
                Arguments.of("length past the end", patch(good, 48 + 4, "54000000"),
                        "block at offset 48: total length 84 runs past the end of the file (80 bytes left)"),
                Arguments.of("length of 2^32 - 4", patch(good, 48 + 4, "fcffffff"),
                        "total length 4294967292 runs past the end"),
                Arguments.of("trailing length differs", patch(good, 48 + 76, "4c000000"),
                        "trailing total length 76 differs from the leading 80"),
                Arguments.of("stray bytes after the last block", concat(good, new byte[5]),
                        "block at offset 128: only 5 bytes left"),
                Arguments.of("captured length beyond the block", patch(good, 48 + 20, "31000000"),
                        "frame 1): captured length 49 exceeds the 48 data bytes"),
                Arguments.of("packet on an undescribed interface", patch(good, 48 + 8, "01000000"),
                        "Enhanced Packet Block at offset 48 (frame 1): interface 1 is not described"),
                Arguments.of("interface description too short", le.block(1, hex("01000000")).toByteArray(),
                        "Interface Description Block at offset 28: body of 4 bytes, needs 8"),
                Arguments.of("simple packet before any interface",
                        new PcapngBuilder(LE).sectionHeader().simplePacket(4, PAYLOAD).toByteArray(),
                        "Simple Packet Block at offset 28 (frame 1): no interface"),
                Arguments.of("enhanced packet too short", new PcapngBuilder(LE).sectionHeader()
                        .interfaceDescription(1, 0).block(6, new byte[16]).toByteArray(), "body of 16 bytes, needs 20"),
                Arguments.of("obsolete packet block", new PcapngBuilder(BE).sectionHeader()
                        .interfaceDescription(1, 0).block(2, new byte[20]).toByteArray(), "obsolete Packet Block"));
    }

    private static byte[] patch(byte[] file, int offset, String bytes) {
        byte[] copy = file.clone();
        byte[] b = hex(bytes);
        System.arraycopy(b, 0, copy, offset, b.length);
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedFilesFailClearly(String name, byte[] file, String message) {
        assertThatThrownBy(() -> Pcapng.readFrames(file))
                .isInstanceOf(Pcapng.FormatException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> malformedFrames() {
        byte[] udp = udp(1, 2, PAYLOAD);
        byte[] v4 = ipv4(LOCAL1, LOCAL2, 17, 0, udp);
        return Stream.of(
                Arguments.of("unsupported link type", 147, v4, "frame 1: link type 147 is not supported"),
                Arguments.of("short Ethernet header", Pcapng.LINKTYPE_ETHERNET, new byte[13],
                        "Ethernet header needs 14 bytes, 13 captured"),
                Arguments.of("short IPv4 header", Pcapng.LINKTYPE_IPV4, new byte[19], "IPv4 header needs 20 bytes"),
                Arguments.of("IPv4 of version 6", Pcapng.LINKTYPE_ETHERNET,
                        ethernet(0x0800, ipv6(V6_LOOPBACK, V6_OTHER, 17, udp)), "IPv4 header at offset 14 has version 6"),
                Arguments.of("IPv4 header length 16", Pcapng.LINKTYPE_IPV4, with(v4, 0, 0x44),
                        "IPv4 header length 16 is below 20"),
                Arguments.of("IPv4 total length below header", Pcapng.LINKTYPE_IPV4, with(v4, 3, 19),
                        "IPv4 total length 19 is below its header length 20"),
                Arguments.of("IPv4 truncated", Pcapng.LINKTYPE_IPV4, Arrays.copyOf(v4, v4.length - 1),
                        "IPv4 packet of total length 32 needs 32 bytes, 31 captured"),
                Arguments.of("IPv4 fragment", Pcapng.LINKTYPE_IPV4, with(v4, 6, 0x20), "fragmented IPv4 datagram"),
                Arguments.of("IPv4 later fragment", Pcapng.LINKTYPE_IPV4, with(v4, 7, 0x01), "fragmented IPv4 datagram"),
                Arguments.of("UDP length below 8", Pcapng.LINKTYPE_IPV4, with(v4, 20 + 5, 7),
                        "UDP length 7 does not fit the IP payload of 12 bytes"),
                Arguments.of("UDP length beyond IP", Pcapng.LINKTYPE_IPV4, with(v4, 20 + 5, 13),
                        "UDP length 13 does not fit"),
                Arguments.of("IP payload too short for UDP", Pcapng.LINKTYPE_IPV4,
                        ipv4(LOCAL1, LOCAL2, 17, 0, new byte[7]),
                        "IP payload of 7 bytes is too short for a UDP header"),
                Arguments.of("IPv6 extension header", Pcapng.LINKTYPE_IPV6, ipv6(V6_LOOPBACK, V6_OTHER, 0, udp),
                        "IPv6 extension header 0 is not supported"),
                Arguments.of("IPv6 truncated", Pcapng.LINKTYPE_IPV6,
                        Arrays.copyOf(ipv6(V6_LOOPBACK, V6_OTHER, 17, udp), 50),
                        "IPv6 payload of length 12 needs 52 bytes, 50 captured"),
                Arguments.of("IPv6 of version 4", Pcapng.LINKTYPE_IPV6, concat(v4, new byte[20]),
                        "IPv6 header at offset 0 has version 4"),
                Arguments.of("raw IP of version 5", Pcapng.LINKTYPE_RAW, with(v4, 0, 0x55),
                        "raw IP packet with IP version 5"));
    }

    private static byte[] with(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void malformedFramesFailClearly(String name, int linkType, byte[] frame, String message) {
        assertThatThrownBy(() -> Pcapng.udp(new Pcapng.Frame(1, linkType, frame, frame.length)))
                .isInstanceOf(Pcapng.FormatException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsTheSharedBaseCapture() throws Exception {
        byte[] file = Files.readAllBytes(GoldenCaptures.directory().resolve("base.pcapng"));
        List<Pcapng.UdpDatagram> packets = Pcapng.readUdp(file);
        assertThat(packets).hasSize(67);
        Pcapng.UdpDatagram init = packets.get(0);
        assertThat(init.frameNumber()).isEqualTo(1);
        assertThat(init.source()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(init.sourcePort()).isEqualTo(9900);
        assertThat(init.destinationPort()).isEqualTo(9899);
        // SCTP common header: ports 64255 -> 5000, verification tag 0 as in every INIT; then chunk type 1.
        assertThat(init.payload()).hasSize(40).startsWith(hex("faff 1388 00000000"));
        assertThat(init.payload()[12]).isEqualTo((byte) 1);
        assertThat(packets).extracting(Pcapng.UdpDatagram::frameNumber).doesNotHaveDuplicates().endsWith(67);
    }

    @Test
    void readsIpv6DatagramsOfTheExtraEchoCapture() throws Exception {
        byte[] file = Files.readAllBytes(GoldenCaptures.directory().resolve("extra-echo-ipv6.pcapng"));
        List<Pcapng.UdpDatagram> packets = Pcapng.readUdp(file);
        assertThat(packets).hasSize(29);
        assertThat(packets.get(0).source()).isEqualTo(InetAddress.getByName("::1"));
        assertThat(packets.get(0).sourcePort()).isEqualTo(22222);
        assertThat(packets.get(0).destinationPort()).isEqualTo(11111);
        assertThat(packets).filteredOn(p -> p.source() instanceof Inet6Address).hasSize(21);
    }
}
