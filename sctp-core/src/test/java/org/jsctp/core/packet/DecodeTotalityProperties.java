package org.jsctp.core.packet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jsctp.core.packet.cause.CauseCode;
import org.jsctp.core.packet.cause.ErrorCauses;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.chunk.Chunks;
import org.jsctp.core.packet.param.ParameterType;
import org.jsctp.core.packet.param.Parameters;

/**
 * Decoding is total: whatever bytes arrive, the decoders either return a value or throw
 * {@link DecodeException}; no other exception escapes (the "no byte an attacker sends can
 * crash the parser"). A {@link RuntimeException} from any decoder fails these properties.
 */
class DecodeTotalityProperties {

    private static final int[] CHUNK_TYPES = {
        ChunkType.DATA, ChunkType.INIT, ChunkType.INIT_ACK, ChunkType.SACK, ChunkType.HEARTBEAT,
        ChunkType.HEARTBEAT_ACK, ChunkType.ABORT, ChunkType.SHUTDOWN, ChunkType.SHUTDOWN_ACK, ChunkType.ERROR,
        ChunkType.COOKIE_ECHO, ChunkType.COOKIE_ACK, ChunkType.ECNE, ChunkType.CWR, ChunkType.SHUTDOWN_COMPLETE,
        ChunkType.AUTH, ChunkType.NR_SACK, ChunkType.I_DATA, ChunkType.ASCONF_ACK, ChunkType.RE_CONFIG,
        ChunkType.PAD, ChunkType.FORWARD_TSN, ChunkType.ASCONF, ChunkType.I_FORWARD_TSN,
    };

    private static final int[] PARAMETER_TYPES = {
        ParameterType.HEARTBEAT_INFO, ParameterType.IPV4_ADDRESS, ParameterType.IPV6_ADDRESS,
        ParameterType.STATE_COOKIE, ParameterType.UNRECOGNIZED_PARAMETER, ParameterType.COOKIE_PRESERVATIVE,
        ParameterType.HOST_NAME_ADDRESS, ParameterType.SUPPORTED_ADDRESS_TYPES,
        ParameterType.OUTGOING_SSN_RESET_REQUEST, ParameterType.INCOMING_SSN_RESET_REQUEST,
        ParameterType.SSN_TSN_RESET_REQUEST, ParameterType.RECONFIGURATION_RESPONSE,
        ParameterType.ADD_OUTGOING_STREAMS_REQUEST, ParameterType.ADD_INCOMING_STREAMS_REQUEST,
        ParameterType.ECN_CAPABLE, ParameterType.ZERO_CHECKSUM_ACCEPTABLE, ParameterType.RANDOM,
        ParameterType.CHUNK_LIST, ParameterType.REQUESTED_HMAC_ALGORITHM, ParameterType.PADDING,
        ParameterType.SUPPORTED_EXTENSIONS, ParameterType.FORWARD_TSN_SUPPORTED, ParameterType.ADD_IP_ADDRESS,
        ParameterType.DELETE_IP_ADDRESS, ParameterType.ERROR_CAUSE_INDICATION, ParameterType.SET_PRIMARY_ADDRESS,
        ParameterType.SUCCESS_INDICATION, ParameterType.ADAPTATION_LAYER_INDICATION,
        ParameterType.DISABLE_RESTART, ParameterType.VTAGS,
    };

    private static final int[] CAUSE_CODES = {
        CauseCode.INVALID_STREAM_IDENTIFIER, CauseCode.MISSING_MANDATORY_PARAMETER, CauseCode.STALE_COOKIE,
        CauseCode.OUT_OF_RESOURCE, CauseCode.UNRESOLVABLE_ADDRESS, CauseCode.UNRECOGNIZED_CHUNK_TYPE,
        CauseCode.INVALID_MANDATORY_PARAMETER, CauseCode.UNRECOGNIZED_PARAMETERS, CauseCode.NO_USER_DATA,
        CauseCode.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN, CauseCode.RESTART_WITH_NEW_ADDRESSES,
        CauseCode.USER_INITIATED_ABORT, CauseCode.PROTOCOL_VIOLATION, CauseCode.UNSUPPORTED_HMAC_IDENTIFIER,
        CauseCode.DELETE_LAST_REMAINING_ADDRESS, CauseCode.RESOURCE_SHORTAGE, CauseCode.DELETE_SOURCE_ADDRESS,
        CauseCode.ILLEGAL_ASCONF_ACK, CauseCode.NO_AUTHORIZATION, CauseCode.COLLIDING_NAT_TABLE_ENTRY,
        CauseCode.MISSING_NAT_TABLE_ENTRY, CauseCode.PORT_NUMBER_COLLISION,
        CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT,
    };

    /** Random bytes, biased towards short values and towards the small lengths that hit edge cases. */
    @Provide
    Arbitrary<byte[]> values() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(24),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                Arbitraries.bytes().between((byte) 0, (byte) 8).array(byte[].class).ofMaxSize(64));
    }

    @Provide
    Arbitrary<Integer> chunkTypes() {
        return Arbitraries.oneOf(Arbitraries.of(box(CHUNK_TYPES)), Arbitraries.integers().between(0, 255));
    }

    @Provide
    Arbitrary<Integer> parameterTypes() {
        return Arbitraries.oneOf(Arbitraries.of(box(PARAMETER_TYPES)), Arbitraries.integers().between(0, 0xFFFF));
    }

    @Provide
    Arbitrary<Integer> causeCodes() {
        return Arbitraries.oneOf(Arbitraries.of(box(CAUSE_CODES)), Arbitraries.integers().between(0, 0xFFFF));
    }

    private static Integer[] box(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    @Property(tries = 3000)
    void anyChunkValueDecodesOrFailsWithADecodeException(@ForAll("chunkTypes") int type,
                                                        @ForAll @IntRange(min = 0, max = 255) int flags,
                                                        @ForAll("values") byte[] value) {
        try {
            Chunks.decodeValue(type, flags, WireReader.of(value, "fuzzed chunk"));
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }

    @Property(tries = 3000)
    void anyParameterValueDecodesOrFailsWithADecodeException(@ForAll("parameterTypes") int type,
                                                            @ForAll("values") byte[] value) {
        try {
            Parameters.decodeValue(type, WireReader.of(value, "fuzzed parameter"));
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }

    @Property(tries = 2000)
    void anyCauseValueDecodesOrFailsWithADecodeException(@ForAll("causeCodes") int code,
                                                        @ForAll("values") byte[] value) {
        try {
            ErrorCauses.decodeValue(code, WireReader.of(value, "fuzzed cause"));
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }

    @Property(tries = 2000)
    void anyParameterListDecodesOrFailsWithADecodeException(@ForAll("values") byte[] value) {
        try {
            Parameters.decodeList(WireReader.of(value, "fuzzed list"));
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }

    @Property(tries = 2000)
    void anyPacketDecodesOrFailsWithADecodeException(@ForAll @Size(max = 600) byte[] packet) {
        try {
            new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM).decode(packet);
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }

    /** Chunks with a plausible header and random value: reaches each chunk decoder through the packet path. */
    @Property(tries = 3000)
    void packetsOfKnownChunkTypesWithRandomValuesDecodeOrFailCleanly(@ForAll("chunkTypes") int type,
                                                                   @ForAll @IntRange(min = 0, max = 255) int flags,
                                                                   @ForAll("values") byte[] value) {
        int length = 4 + value.length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(CommonHeader.LENGTH + Tlv.padded(length));
        b.putShort((short) 1).putShort((short) 2).putInt(3).putInt(0);
        b.put((byte) type).put((byte) flags).putShort((short) length).put(value);
        try {
            new PacketDecoder(DecoderOptions.FUZZING_SKIP_CHECKSUM).decode(b.array());
        } catch (DecodeException expected) {
            // the only permitted failure
        }
    }
}
