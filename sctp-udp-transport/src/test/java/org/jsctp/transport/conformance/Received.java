package org.jsctp.transport.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jsctp.core.packet.CommonHeader;
import org.jsctp.core.packet.chunk.Chunk;

/** One packet the endpoint under test sent to the tester, decoded (its CRC32C was good). */
record Received(CommonHeader header, List<Chunk> chunks) {

    /** The verification tag the endpoint put in the common header. */
    int tag() {
        return header.verificationTag();
    }

    /** The packet's only chunk, which must be a {@code type}. */
    <T extends Chunk> T single(Class<T> type) {
        assertThat(chunks).as("chunks of %s", this).hasSize(1);
        return chunk(0, type);
    }

    /** Chunk {@code index}, which must be a {@code type}. */
    <T extends Chunk> T chunk(int index, Class<T> type) {
        assertThat(chunks).as("chunks of %s", this).hasSizeGreaterThan(index);
        assertThat(chunks.get(index)).as("chunk %d of %s", index, this).isInstanceOf(type);
        return type.cast(chunks.get(index));
    }

    @Override
    public String toString() {
        return "packet[vtag=0x" + Integer.toHexString(tag()) + ", " + header.sourcePort() + "->"
                + header.destinationPort() + ": " + names(chunks) + "]";
    }

    static String names(List<? extends Chunk> chunks) {
        return chunks.stream().map(c -> c.getClass().getSimpleName()).collect(Collectors.joining(", "));
    }
}
