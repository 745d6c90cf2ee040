package org.jsctp.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of an endpoint and its associations (docs/FUZZING.md): the input is a
 * {@link PacketScript} of packets, user calls and clock steps applied to a {@link FuzzedEndpoint}
 * (checksum and cookie MAC checks off, fixed clock and seed). After every step no exception has
 * escaped the core, every association's consistency check holds, its memory stays within the
 * configured limits, and every packet it sent is well-formed.
 *
 * <p>The seed corpus ({@code AssociationFuzzTestInputs/endpointAndAssociation/}) holds recorded
 * handshakes with a real peer, in both roles, with data, shutdown and abort; see
 * {@link SeedCorpus}.
 */
class AssociationFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void endpointAndAssociation(byte[] input) {
        FuzzedEndpoint.run(input);
    }
}
