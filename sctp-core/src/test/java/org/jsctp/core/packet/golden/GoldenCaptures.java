package org.jsctp.core.packet.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsctp.core.packet.Tlv;
import org.jsctp.core.packet.chunk.ChunkType;

/**
 * The golden captures in test resources {@code /golden}: their SCTP packets, the chunk types
 * their documentation says they hold, and a chunk walk that uses nothing of the codec under test.
 *
 * <p>Shared captures are documented in {@code README.md} (UDP ports 9899 and 9900), the extra
 * ones in {@code NOTE.md} (UDP ports 11111 and 22222); both use table rows of the form
 * {@code | file.pcapng | description | type:count type:count ... |}.
 */
final class GoldenCaptures {

    /** Ports of the shared captures and of the extra ({@code extra-} prefixed) ones. */
    static final Set<Integer> SHARED_PORTS = Set.of(9899, 9900);
    static final Set<Integer> EXTRA_PORTS = Set.of(11111, 22222);

    private static final Pattern TABLE_ROW =
            Pattern.compile("^\\|\\s*([\\w.-]+\\.pcapng)\\s*\\|.*\\|\\s*((?:\\d+:\\d+\\s*)+)\\|\\s*$");

    private GoldenCaptures() {
    }

    /**
     * One capture file.
     *
     * @param packets its UDP datagrams, each an SCTP packet
     * @param ports the UDP ports its traffic must use
     */
    record Capture(String name, List<Pcapng.UdpDatagram> packets, Set<Integer> ports) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One chunk as its header describes it, found without the codec under test. */
    record RawChunk(int index, int type, int flags, int offset, int length) {
        /** End of the chunk with its padding. */
        int paddedEnd() {
            return offset + Tlv.padded(length);
        }

        String describe() {
            return "chunk #" + index + " (" + ChunkType.name(type) + ", type " + type + ") at packet offset "
                    + offset + " with length " + length;
        }
    }

    /** The directory holding the captures and their documentation. */
    static Path directory() {
        URL readme = GoldenCaptures.class.getResource("/golden/README.md");
        if (readme == null) {
            throw new IllegalStateException("test resource /golden/README.md is missing");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of every {@code .pcapng} file in the directory, sorted. */
    static List<String> fileNames() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcapng")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every capture, read and taken apart down to UDP. */
    static List<Capture> all() {
        List<Capture> out = new ArrayList<>();
        for (String name : fileNames()) {
            out.add(load(name));
        }
        return out;
    }

    static Capture load(String name) {
        try {
            byte[] file = Files.readAllBytes(directory().resolve(name));
            List<Pcapng.UdpDatagram> packets = Pcapng.readUdp(file);
            return new Capture(name, packets, name.startsWith("extra-") ? EXTRA_PORTS : SHARED_PORTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File name to documented chunk type counts, from the tables of README.md and NOTE.md. */
    static Map<String, Map<Integer, Integer>> documentedChunkCounts() {
        Map<String, Map<Integer, Integer>> out = new TreeMap<>();
        for (String doc : List.of("README.md", "NOTE.md")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(directory().resolve(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines) {
                Matcher m = TABLE_ROW.matcher(line);
                if (m.matches()) {
                    Map<Integer, Integer> counts = new TreeMap<>();
                    for (String pair : m.group(2).trim().split("\\s+")) {
                        String[] typeAndCount = pair.split(":");
                        counts.put(Integer.parseInt(typeAndCount[0]), Integer.parseInt(typeAndCount[1]));
                    }
                    if (out.put(m.group(1), counts) != null) {
                        throw new IllegalStateException(m.group(1) + " is documented twice");
                    }
                }
            }
        }
        return out;
    }

    /**
     * The chunks of an SCTP packet by their headers alone (RFC 9260 section 3.2): every chunk
     * padded to four bytes, the last included. Fails with an {@link AssertionError} naming the
     * offset if the headers do not tile the packet.
     */
    static List<RawChunk> walk(String where, byte[] packet) {
        if (packet.length < 12) {
            throw new AssertionError(where + ": " + packet.length + " bytes, too few for the SCTP common header");
        }
        List<RawChunk> chunks = new ArrayList<>();
        int offset = 12;
        while (offset < packet.length) {
            if (packet.length - offset < 4) {
                throw new AssertionError(where + ": " + (packet.length - offset) + " stray bytes at offset " + offset);
            }
            int type = packet[offset] & 0xFF;
            int flags = packet[offset + 1] & 0xFF;
            int length = ((packet[offset + 2] & 0xFF) << 8) | (packet[offset + 3] & 0xFF);
            RawChunk chunk = new RawChunk(chunks.size(), type, flags, offset, length);
            if (length < 4 || chunk.paddedEnd() > packet.length) {
                throw new AssertionError(where + ": " + chunk.describe() + " does not fit the packet of "
                        + packet.length + " bytes");
            }
            chunks.add(chunk);
            offset = chunk.paddedEnd();
        }
        return chunks;
    }

    /**
     * The chunk an offset of the packet falls in, or null for the common header. An offset at a
     * chunk's very end (where a decoder that ran out of bytes stops) counts as that chunk's.
     */
    static RawChunk chunkAt(List<RawChunk> chunks, int offset) {
        RawChunk found = null;
        for (RawChunk c : chunks) {
            if (c.offset() <= offset) {
                found = c;
            }
        }
        return found;
    }

    /** Counts chunks by type over all packets of a capture. */
    static Map<Integer, Integer> chunkCounts(Capture capture) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Pcapng.UdpDatagram p : capture.packets()) {
            for (RawChunk c : walk(capture.name() + " frame " + p.frameNumber(), p.payload())) {
                counts.merge(c.type(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
