package org.jsctp.core.packet.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.asconf.AsconfLookup;
import org.jsctp.core.asconf.AsconfReceiver;
import org.jsctp.core.asconf.InMemoryPeerAddressBook;
import org.jsctp.core.handshake.Capabilities;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.PacketEncoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AsconfAckChunk;
import org.jsctp.core.packet.chunk.AsconfChunk;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.Chunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.param.AddIpAddressParameter;
import org.jsctp.core.packet.param.SetPrimaryAddressParameter;
import org.jsctp.core.seq.AsconfSerial;
import org.junit.jupiter.api.Test;

/**
 * The ASCONF exchange usrsctp 0.9.5 made in asconf.pcapng (test resources golden/): the chunks
 * match RFC 5061 sections 4.1 and 4.2 field by field, re-encode to the same bytes, announce
 * ASCONF as section 4.2.7 says, and our receiver answers them as usrsctp's peer did.
 */
class AsconfCaptureTest {

    private static final InetAddress LOOPBACK_2 = ip("127.0.0.2");
    private static final InetAddress LOOPBACK_3 = ip("127.0.0.3");

    @Test
    void theAsconfsAndTheirAcksDecodeAsRfc5061DefinesThemAndReencodeExactly() throws DecodeException {
        List<AsconfChunk> asconfs = new ArrayList<>();
        List<AsconfAckChunk> acks = new ArrayList<>();
        InitChunk init = null;
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("asconf.pcapng").packets()) {
            SctpPacket packet = PacketDecoder.strict().decode(d.payload());
            assertThat(PacketEncoder.toByteArray(packet)).isEqualTo(d.payload());
            Chunk previous = null;
            for (Chunk c : packet.chunks()) {
                if (c instanceof InitChunk i) {
                    init = i;
                } else if (c instanceof AsconfChunk a) {
                    assertThat(previous).as("section 4.1.1: sent authenticated").isInstanceOf(AuthChunk.class);
                    asconfs.add(a);
                } else if (c instanceof AsconfAckChunk a) {
                    assertThat(previous).as("section 4.1.2: sent authenticated").isInstanceOf(AuthChunk.class);
                    acks.add(a);
                }
                previous = c;
            }
        }

        assertThat(asconfs).hasSize(2);
        assertThat(acks).hasSize(2);
        assertThat(init).isNotNull();
        // RFC 5061 section 5.1 rule A2: serial numbers start at the Initial TSN, one more each.
        assertThat(asconfs.get(0).serialNumber()).isEqualTo(init.initialTsn().value());
        assertThat(asconfs.get(1).serialNumber()).isEqualTo(init.initialTsn().value() + 1);
        assertThat(asconfs).allSatisfy(a -> assertThat(a.address()).isEqualTo(LOOPBACK_2));
        assertThat(asconfs.get(0).parameters()).singleElement().isInstanceOfSatisfying(SetPrimaryAddressParameter.class,
                p -> assertThat(p.address().address()).isEqualTo(LOOPBACK_2));
        assertThat(asconfs.get(1).parameters()).singleElement().isInstanceOfSatisfying(AddIpAddressParameter.class,
                p -> assertThat(p.address().address()).isEqualTo(LOOPBACK_3));
        // Section 4.1.2: each ACK copies its ASCONF's serial; no response means success.
        assertThat(acks).extracting(AsconfAckChunk::serialNumber)
                .containsExactly(asconfs.get(0).serialNumber(), asconfs.get(1).serialNumber());
        assertThat(acks).allSatisfy(a -> assertThat(a.parameters()).isEmpty());
    }

    @Test
    void usrsctpsAsconfPacketsAreLookedUpByTheAddressTheirAsconfCarries() throws DecodeException {
        // RFC 5061 section 5.2 rule L2: the Address Parameter, not the address an ASCONF adds.
        int withAsconf = 0;
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("asconf.pcapng").packets()) {
            SctpPacket packet = PacketDecoder.strict().decode(d.payload());
            boolean carries = packet.chunks().stream().anyMatch(c -> c instanceof AsconfChunk);
            withAsconf += carries ? 1 : 0;
            assertThat(AsconfLookup.lookupAddress(packet)).isEqualTo(carries ? LOOPBACK_2 : null);
        }
        assertThat(withAsconf).isEqualTo(2);
    }

    @Test
    void bothEndsAnnounceAsconfInTheirSupportedExtensions() throws DecodeException {
        List<Capabilities> offers = new ArrayList<>();
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("asconf.pcapng").packets()) {
            for (Chunk c : PacketDecoder.strict().decode(d.payload()).chunks()) {
                if (c instanceof InitChunk i) {
                    offers.add(Capabilities.offeredIn(i.parameters()));
                } else if (c instanceof InitAckChunk a) {
                    offers.add(Capabilities.offeredIn(a.parameters()));
                }
            }
        }

        assertThat(offers).hasSize(2).allSatisfy(o -> assertThat(o.asconf()).isTrue());
    }

    @Test
    void ourReceiverAnswersTheCapturedAsconfsAsUsrsctpDid() throws DecodeException {
        List<AsconfChunk> asconfs = new ArrayList<>();
        List<AsconfAckChunk> acks = new ArrayList<>();
        InitChunk init = null;
        for (Pcapng.UdpDatagram d : GoldenCaptures.load("asconf.pcapng").packets()) {
            for (Chunk c : PacketDecoder.strict().decode(d.payload()).chunks()) {
                if (c instanceof InitChunk i) {
                    init = i;
                } else if (c instanceof AsconfChunk a) {
                    asconfs.add(a);
                } else if (c instanceof AsconfAckChunk a) {
                    acks.add(a);
                }
            }
        }
        // Both of the client's addresses were in its INIT; the packets came from 127.0.0.1.
        InMemoryPeerAddressBook client = new InMemoryPeerAddressBook(8, List.of(ip("127.0.0.1"), LOOPBACK_2));
        AsconfReceiver receiver = new AsconfReceiver(client, AsconfSerial.of(init.initialTsn()), 8, 1200, 4);

        for (int i = 0; i < asconfs.size(); i++) {
            assertThat(receiver.onAsconf(asconfs.get(i), ip("127.0.0.1"), true)).contains(acks.get(i));
        }
        assertThat(client.primary()).isEqualTo(LOOPBACK_2);
        assertThat(client.addresses()).contains(LOOPBACK_3);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
