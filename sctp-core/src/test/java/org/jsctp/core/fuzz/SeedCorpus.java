package org.jsctp.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsctp.core.packet.golden.Pcapng;

/**
 * The committed seed corpus of the Jazzer targets, and the program that writes it. Jazzer's
 * regression mode (every normal build) runs each target on the files of
 * {@code src/test/resources/org/jsctp/core/fuzz/<Class>Inputs/<method>/}; fuzzing mode starts
 * from them. Crashes the fuzzer finds are written there too and so become regression inputs.
 *
 * <p>Regenerate the seeds (the fuzzer's own findings are left alone) by running {@link #main}
 * with the module directory as argument, on the test classpath: docs/FUZZING.md gives the
 * command.
 */
public final class SeedCorpus {

    /** Captured packets kept per capture and distinct chunk-type sequence: enough variety, few files. */
    private static final int PER_SIGNATURE = 1;

    private SeedCorpus() {
    }

    /** Writes every seed below {@code args[0]} (the sctp-core module directory, default {@code .}). */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path resources = module.resolve("src/test/resources/org/jsctp/core/fuzz");
        int written = 0;
        for (String method : List.of("strictDecode", "skipChecksumDecode")) {
            written += write(resources.resolve("PacketDecoderFuzzTestInputs").resolve(method), goldenPackets());
        }
        written += write(resources.resolve("AssociationFuzzTestInputs/endpointAndAssociation"), SeedScripts.all());
        System.out.println("wrote " + written + " seed files below " + resources);
    }

    private static int write(Path directory, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(directory.resolve(e.getKey()), e.getValue());
        }
        return seeds.size();
    }

    /**
     * The golden usrsctp packets (test resources {@code /golden}), at most {@value #PER_SIGNATURE}
     * per capture and sequence of chunk types, named {@code golden-<capture>-<frame>}.
     */
    static SortedMap<String, byte[]> goldenPackets() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Path file : goldenCaptures()) {
            String capture = file.getFileName().toString().replace(".pcapng", "");
            Map<String, Integer> perSignature = new HashMap<>();
            for (Pcapng.UdpDatagram d : Pcapng.readUdp(read(file))) {
                if (perSignature.merge(chunkTypes(d.payload()), 1, Integer::sum) <= PER_SIGNATURE) {
                    out.put(String.format("golden-%s-%04d", capture, d.frameNumber()), d.payload());
                }
            }
        }
        return out;
    }

    /** The chunk types of a packet by their headers alone, e.g. "0,3". */
    private static String chunkTypes(byte[] packet) {
        StringBuilder b = new StringBuilder();
        for (int at = 12; at + 4 <= packet.length; ) {
            int length = ((packet[at + 2] & 0xFF) << 8) | (packet[at + 3] & 0xFF);
            b.append(packet[at] & 0xFF).append(',');
            at += Math.max(4, (length + 3) & ~3);
        }
        return b.toString();
    }

    private static List<Path> goldenCaptures() {
        URL readme = SeedCorpus.class.getResource("/golden/README.md");
        if (readme == null) {
            throw new IllegalStateException("test resource /golden/README.md is missing");
        }
        try (Stream<Path> files = Files.list(Path.of(readme.toURI()).getParent())) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".pcapng")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
