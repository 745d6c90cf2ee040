package org.jsctp.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.ChunkListParameter;
import org.jsctp.core.packet.param.RandomParameter;
import org.jsctp.core.packet.param.RequestedHmacAlgorithmParameter;
import org.junit.jupiter.api.Test;

/** Key vectors, the association shared key (RFC 4895 section 6.1) and key management (RFC 6458 section 8.3). */
class AuthKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    private static AuthParameters side(int randomFill, List<Integer> chunks, List<Integer> hmacs) {
        byte[] random = new byte[32];
        java.util.Arrays.fill(random, (byte) randomFill);
        return new AuthParameters(new RandomParameter(Bytes.wrap(random)),
                chunks == null ? null : new ChunkListParameter(chunks), new RequestedHmacAlgorithmParameter(hmacs));
    }

    @Test
    void theKeyVectorIsRandomChunksAndHmacAlgoWithHeadersAndWithoutPadding() {
        AuthParameters a = side(0x11, List.of(0), List.of(1));
        String expected = "80020024" + "11".repeat(32) // RANDOM: type 0x8002, length 36
                + "80030005" + "00"                      // CHUNKS: type 0x8003, length 5, no padding
                + "80040006" + "0001";                   // HMAC-ALGO: type 0x8004, length 6, no padding
        assertThat(HEX.formatHex(a.keyVector())).isEqualTo(expected);
        // Without a CHUNKS parameter it is left out.
        assertThat(HEX.formatHex(side(0x11, null, List.of(1)).keyVector()))
                .isEqualTo("80020024" + "11".repeat(32) + "80040006" + "0001");
    }

    @Test
    void theAssociationKeyIsTheEndpointPairKeyThenTheSmallerVectorThenTheLarger() {
        byte[] small = side(0x11, List.of(0), List.of(1)).keyVector();
        byte[] large = side(0x22, List.of(0), List.of(1)).keyVector();
        byte[] epKey = HEX.parseHex("cafe");
        String want = "cafe" + HEX.formatHex(small) + HEX.formatHex(large);
        assertThat(HEX.formatHex(AssociationSharedKey.derive(epKey, small, large))).isEqualTo(want);
        assertThat(HEX.formatHex(AssociationSharedKey.derive(epKey, large, small))).isEqualTo(want);
    }

    @Test
    void vectorsAreComparedAsNumbersAndEqualNumbersPutTheShorterFirst() {
        // 0x00ff is shorter than 0x0100ff... as numbers: 0x00ff < 0x0100 (0x000100 vs 0x0000ff).
        byte[] a = {(byte) 0xff};
        byte[] b = {0x01, 0x00};
        assertThat(AssociationSharedKey.compare(a, b)).isNegative();
        assertThat(AssociationSharedKey.compare(b, a)).isPositive();
        byte[] zeroLed = {0x00, (byte) 0xff};
        assertThat(AssociationSharedKey.compare(a, zeroLed)).isNegative(); // equal numbers: shorter first
        assertThat(HEX.formatHex(AssociationSharedKey.derive(new byte[0], zeroLed, a))).isEqualTo("ff00ff");
    }

    @Test
    void theActiveKeyCanBeNeitherDeletedNorDeactivated() {
        SharedKeys keys = new SharedKeys(AuthConfig.DEFAULTS.withSharedKey(1, Bytes.fromHex("01")).withActiveKey(1));
        assertThatThrownBy(() -> keys.delete(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active");
        assertThatThrownBy(() -> keys.deactivate(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.activate(9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no shared key");
        assertThatThrownBy(() -> keys.delete(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.set(70_000, Bytes.empty())).isInstanceOf(IllegalArgumentException.class);

        keys.deactivate(0);
        assertThat(keys.isDeactivated(0)).isTrue();
        assertThatThrownBy(() -> keys.activate(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deactivated");
        keys.set(0, Bytes.fromHex("02")); // setting it again makes it usable again
        keys.activate(0);
        keys.delete(1);
        assertThat(keys.keyIds()).containsExactly(0);
        assertThat(keys.key(1)).isNull();
    }

    @Test
    void theConfigurationRefusesWhatRfc4895Forbids() {
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withHmacPreference(List.of(HmacAlgorithm.SHA_256)))
                .hasMessageContaining("SHA-1");
        for (int forbidden : List.of(ChunkType.INIT, ChunkType.INIT_ACK, ChunkType.SHUTDOWN_COMPLETE, ChunkType.AUTH)) {
            assertThatThrownBy(() -> AuthConfig.DEFAULTS.withChunkTypes(Set.of(forbidden)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("section 3.2");
        }
        assertThatThrownBy(() -> AuthConfig.DEFAULTS.withActiveKey(5)).hasMessageContaining("not among");
        assertThat(AuthConfig.DEFAULTS.withChunkTypes(Set.of(ChunkType.DATA)).chunkList())
                .containsExactly(ChunkType.DATA, ChunkType.ASCONF_ACK, ChunkType.ASCONF);
    }

    @Test
    void negotiationJudgesThePeersParameters() {
        AuthConfig ours = AuthConfig.DEFAULTS;
        // The first of the peer's list that we allow.
        assertThat(AuthNegotiation.of(ours, side(1, null, List.of(3, 1)).toParameters()))
                .isEqualTo(new AuthNegotiation.Use(side(1, null, List.of(3, 1)), HmacAlgorithm.SHA_256));
        assertThat(AuthNegotiation.of(ours.withHmacPreference(List.of(HmacAlgorithm.SHA_1)),
                side(1, null, List.of(3, 1)).toParameters())).isInstanceOfSatisfying(AuthNegotiation.Use.class,
                        u -> assertThat(u.sendAlgorithm()).isEqualTo(HmacAlgorithm.SHA_1));
        // Unknown identifiers before SHA-1 are skipped.
        assertThat(AuthNegotiation.of(ours, side(1, null, List.of(99, 1)).toParameters()))
                .isInstanceOfSatisfying(AuthNegotiation.Use.class, u -> assertThat(u.sendAlgorithm()).isEqualTo(HmacAlgorithm.SHA_1));
        // Section 3.3: SHA-1 is mandatory.
        assertThat(AuthNegotiation.of(ours, side(1, null, List.of(3)).toParameters()))
                .isInstanceOfSatisfying(AuthNegotiation.Refuse.class, r -> assertThat(r.reason()).contains("SHA-1"));
        // Section 6.1: a Random Number of another length than 32 bytes.
        AuthParameters shortRandom = new AuthParameters(new RandomParameter(Bytes.wrap(new byte[16])), null,
                new RequestedHmacAlgorithmParameter(List.of(1)));
        assertThat(AuthNegotiation.of(ours, shortRandom.toParameters()))
                .isInstanceOfSatisfying(AuthNegotiation.Refuse.class, r -> assertThat(r.reason()).contains("16 bytes"));
        // No AUTH parameters: refused only when required.
        assertThat(AuthNegotiation.of(ours, List.of())).isEqualTo(new AuthNegotiation.NotUsed());
        assertThat(AuthNegotiation.of(ours.withRequired(true), List.of())).isInstanceOf(AuthNegotiation.Refuse.class);
    }

    @Test
    void forbiddenTypesInAPeersChunkListAreIgnored() {
        AuthParameters peer = side(1, List.of(ChunkType.INIT, ChunkType.AUTH, ChunkType.SHUTDOWN_COMPLETE, ChunkType.DATA),
                List.of(1));
        assertThat(peer.requires(ChunkType.DATA)).isTrue();
        assertThat(peer.requires(ChunkType.INIT)).isFalse();
        assertThat(peer.requires(ChunkType.AUTH)).isFalse();
        assertThat(peer.requires(ChunkType.SACK)).isFalse();
        assertThat(side(1, List.of(ChunkType.AUTH), List.of(1)).requiresAny()).isFalse();
    }

    @Test
    void parametersSurviveTheCookieEncoding() {
        AuthParameters a = side(7, List.of(0, 193), List.of(3, 1));
        assertThat(AuthParameters.decode(a.encode())).contains(a);
        assertThat(AuthParameters.decode(Bytes.fromHex("0001"))).isEmpty();
    }

    @Test
    void theCookieCarriesBothSidesParameters() {
        AuthParameters local = side(7, List.of(0, 193), List.of(3, 1));
        AuthParameters peer = side(9, null, List.of(1));
        var contents = new org.jsctp.core.handshake.CookieContents(1, 2, new org.jsctp.core.seq.Tsn(3),
                new org.jsctp.core.seq.Tsn(4), 5000, 6, 7, 8, 9, 0, 0,
                org.jsctp.core.handshake.Capabilities.NONE.withAuth(true), local, peer);
        assertThat(org.jsctp.core.handshake.CookieContents.decode(contents.encode())).contains(contents);
        var withoutAuth = new org.jsctp.core.handshake.CookieContents(1, 2, new org.jsctp.core.seq.Tsn(3),
                new org.jsctp.core.seq.Tsn(4), 5000, 6, 7, 8, 9, 0, 0, org.jsctp.core.handshake.Capabilities.NONE);
        assertThat(org.jsctp.core.handshake.CookieContents.decode(withoutAuth.encode())).contains(withoutAuth);
        Bytes truncated = contents.encode().slice(0, contents.encode().length() - 3);
        assertThat(org.jsctp.core.handshake.CookieContents.decode(truncated)).isEmpty();
    }
}
