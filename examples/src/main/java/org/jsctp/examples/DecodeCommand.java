package org.jsctp.examples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsctp.core.packet.DecodeException;
import org.jsctp.core.packet.DecoderOptions;
import org.jsctp.core.packet.PacketDecoder;
import org.jsctp.core.packet.SctpPacket;
import org.jsctp.core.packet.chunk.Chunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code decode}: decodes SCTP packets given as hexadecimal (the UDP payload of RFC 6951
 * encapsulation) and prints their header and chunks, or the decode error.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode SCTP packets given as hex (the UDP payload of RFC 6951).",
                "One packet per argument or per line of standard input; exits 1 if any fails to decode."})
final class DecodeCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "HEX", description = "packets as hex digits (spaces and colons allowed)")
    List<String> packets = new ArrayList<>();

    @Option(names = "--no-checksum", description = "do not verify the CRC32C checksum")
    boolean noChecksum;

    @picocli.CommandLine.Mixin
    ZeroChecksumOption zeroChecksum = new ZeroChecksumOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputs = packets;
        if (inputs.isEmpty()) {
            inputs = new ArrayList<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    inputs.add(line);
                }
            }
        }
        zeroChecksum.edmid(spec); // checks the EDMID given, though decoding needs none
        PacketDecoder decoder = new PacketDecoder(noChecksum ? DecoderOptions.FUZZING_SKIP_CHECKSUM
                : zeroChecksum.zeroChecksum ? DecoderOptions.ACCEPT_ZERO_CHECKSUM : DecoderOptions.STRICT);
        int failures = 0;
        for (String input : inputs) {
            byte[] bytes;
            try {
                bytes = HexFormat.of().parseHex(input.replaceAll("[\\s:]", ""));
            } catch (IllegalArgumentException e) {
                err.println("not hexadecimal: " + abbreviate(input));
                failures++;
                continue;
            }
            try {
                SctpPacket packet = decoder.decode(bytes);
                out.println(packet.header());
                for (Chunk chunk : packet.chunks()) {
                    out.println("  " + chunk);
                }
            } catch (DecodeException e) {
                err.println("malformed packet: " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
