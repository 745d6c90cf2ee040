package org.jsctp.core.packet.cause;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.jsctp.core.packet.Bytes;

/** jqwik generators of valid error causes, for property tests of causes and of the chunks that carry them. */
public final class CauseArbitraries {

    private CauseArbitraries() {
    }

    /** Any error cause the codec knows, or an unknown one. */
    public static Arbitrary<ErrorCause> anyCause() {
        return unknownCause();
    }

    /** A cause with a code no RFC assigns, with random bytes. */
    public static Arbitrary<ErrorCause> unknownCause() {
        Arbitrary<Integer> code = Arbitraries.integers().between(0x1000, 0xFFFF);
        Arbitrary<byte[]> value = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return code.flatMap(c -> value.map(v -> new UnknownCause(c, Bytes.wrap(v))));
    }
}
