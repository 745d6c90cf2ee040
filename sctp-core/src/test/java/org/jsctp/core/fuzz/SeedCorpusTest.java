package org.jsctp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsctp.core.assoc.AssociationState;
import org.junit.jupiter.api.Test;

/**
 * The committed seed corpus is what {@link SeedCorpus} makes: every selected golden packet is a
 * seed of both decoder targets, and the recorded scripts still drive the fuzzed endpoint where
 * they were meant to (a stale script would leave the fuzzer at the handshake).
 */
class SeedCorpusTest {

    private static final String BASE = "/org/jsctp/core/fuzz/";

    @Test
    void everySelectedGoldenPacketIsASeedOfBothDecoderTargets() {
        Map<String, byte[]> golden = SeedCorpus.goldenPackets();
        assertThat(golden).hasSizeGreaterThan(50);
        for (String method : new String[] {"strictDecode", "skipChecksumDecode"}) {
            for (Map.Entry<String, byte[]> e : golden.entrySet()) {
                assertThat(resource("PacketDecoderFuzzTestInputs/" + method + "/" + e.getKey()))
                        .as("%s seed %s (regenerate with SeedCorpus)", method, e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void everyRecordedScriptIsASeedAndStillEstablishesAnAssociation() {
        for (Map.Entry<String, byte[]> e : SeedScripts.all().entrySet()) {
            byte[] committed = resource("AssociationFuzzTestInputs/endpointAndAssociation/" + e.getKey());
            assertThat(committed).as("seed %s (regenerate with SeedCorpus)", e.getKey()).isNotNull();
            FuzzedEndpoint fuzzed = new FuzzedEndpoint(PacketScript.connectsFirst(committed));
            boolean established = false;
            for (PacketScript.Step step : PacketScript.steps(committed)) {
                fuzzed.apply(step);
                established |= fuzzed.association() != null && fuzzed.association().state() == AssociationState.ESTABLISHED;
            }
            assertThat(established).as("committed seed %s reaches ESTABLISHED (regenerate with SeedCorpus)", e.getKey())
                    .isTrue();
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = SeedCorpusTest.class.getResourceAsStream(BASE + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
