package org.jsctp.core.packet.param;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.jsctp.core.packet.Bytes;

/** jqwik generators of valid parameters, for property tests of parameters and of the chunks that carry them. */
public final class ParameterArbitraries {

    private ParameterArbitraries() {
    }

    /** Any parameter the codec knows, or an unknown one. */
    public static Arbitrary<Parameter> anyParameter() {
        return unknownParameter();
    }

    /** A parameter of a type no RFC assigns, with random bytes. */
    public static Arbitrary<Parameter> unknownParameter() {
        Arbitrary<Integer> type = Arbitraries.oneOf(Arbitraries.integers().between(0x7000, 0x7FFF),
                Arbitraries.integers().between(0xF000, 0xFFFF));
        Arbitrary<byte[]> value = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return type.flatMap(t -> value.map(v -> new UnknownParameter(t, Bytes.wrap(v))));
    }
}
