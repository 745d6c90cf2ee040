package org.jsctp.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.AuthChunk;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.DataChunk;
import org.jsctp.core.packet.chunk.InitAckChunk;
import org.jsctp.core.packet.chunk.InitChunk;
import org.jsctp.core.packet.golden.Pcapng;
import org.junit.jupiter.api.Test;

/**
 * The strongest evidence for our reading of RFC 4895 sections 6.1 to 6.3: in a real usrsctp
 * capture (golden auth.pcapng: AUTH required for DATA, HMAC-SHA-1, endpoint-pair shared key 1 =
 * 00112233445566778899aabbccddeeff) every AUTH chunk's HMAC is what we compute from the two sides'
 * RANDOM, CHUNKS and HMAC-ALGO parameters of the INIT and INIT ACK, and a changed byte fails it.
 */
class GoldenAuthCaptureTest {

    private static final Bytes KEY_1 = Bytes.fromHex("00112233445566778899aabbccddeeff");

    @Test
    void everyAuthChunkOfTheUsrsctpCaptureVerifiesWithTheKeyWeDerive() throws Exception {
        List<SctpPacket> packets = packets();
        InitChunk init = (InitChunk) packets.get(0).chunks().get(0);
        InitAckChunk initAck = (InitAckChunk) packets.get(1).chunks().get(0);
        AuthParameters client = AuthParameters.in(init.parameters()).orElseThrow();
        AuthParameters server = AuthParameters.in(initAck.parameters()).orElseThrow();
        assertThat(client.random().random().length()).isEqualTo(32);
        assertThat(server.requires(ChunkType.DATA) || client.requires(ChunkType.DATA)).isTrue();
        int clientPort = packets.get(0).header().sourcePort();

        // Each side checks what the other sent: the client's view has local = client.
        PacketAuthenticator atClient = authenticator(client, server);
        PacketAuthenticator atServer = authenticator(server, client);
        int verified = 0;
        for (SctpPacket p : packets) {
            for (var c : p.chunks()) {
                if (c instanceof AuthChunk auth) {
                    assertThat(auth.hmacId()).isEqualTo(HmacAlgorithm.SHA_1.id());
                    assertThat(auth.sharedKeyId()).isEqualTo(1);
                    boolean fromClient = p.header().sourcePort() == clientPort;
                    PacketAuthenticator receiver = fromClient ? atServer : atClient;
                    assertThat(receiver.verify(auth, p.fromFirstAuth())).as("frame HMAC").isEqualTo(PacketAuthenticator.Check.VALID);
                    verified++;
                    // One flipped bit in what the HMAC covers fails it.
                    byte[] tampered = p.fromFirstAuth().toByteArray();
                    tampered[tampered.length - 1] ^= 1;
                    assertThat(receiver.verify(auth, Bytes.wrap(tampered))).isEqualTo(PacketAuthenticator.Check.MISMATCH);
                }
            }
        }
        assertThat(verified).isEqualTo(20);
        // Both sides derive the same association shared key (RFC 4895 section 6.1).
        assertThat(atClient.associationKey(1)).isEqualTo(atServer.associationKey(1));
    }

    @Test
    void ourSigningReproducesUsrsctpsHmacsByteForByte() throws Exception {
        List<SctpPacket> packets = packets();
        AuthParameters client = AuthParameters.in(((InitChunk) packets.get(0).chunks().get(0)).parameters()).orElseThrow();
        AuthParameters server = AuthParameters.in(((InitAckChunk) packets.get(1).chunks().get(0)).parameters()).orElseThrow();
        int clientPort = packets.get(0).header().sourcePort();
        for (SctpPacket p : packets) {
            List<org.jsctp.core.packet.chunk.Chunk> chunks = p.chunks();
            for (int i = 0; i < chunks.size(); i++) {
                if (chunks.get(i) instanceof AuthChunk auth && chunks.get(i + 1) instanceof DataChunk) {
                    boolean fromClient = p.header().sourcePort() == clientPort;
                    PacketAuthenticator sender = fromClient ? authenticator(client, server) : authenticator(server, client);
                    AuthChunk ours = sender.sign(new ArrayList<>(chunks.subList(i + 1, chunks.size())));
                    assertThat(ours).isEqualTo(auth);
                }
            }
        }
    }

    private static PacketAuthenticator authenticator(AuthParameters local, AuthParameters peer) {
        SharedKeys keys = new SharedKeys(AuthConfig.DEFAULTS.withSharedKey(1, KEY_1).withActiveKey(1));
        return new PacketAuthenticator(local, peer, keys, HmacAlgorithm.SHA_1);
    }

    static List<SctpPacket> packets() throws IOException, DecodeException {
        byte[] file;
        try (InputStream in = GoldenAuthCaptureTest.class.getResourceAsStream("/golden/auth.pcapng")) {
            file = in.readAllBytes();
        }
        List<SctpPacket> out = new ArrayList<>();
        for (Pcapng.UdpDatagram d : Pcapng.readUdp(file)) {
            out.add(PacketDecoder.strict().decode(d.payload()));
        }
        return out;
    }
}
