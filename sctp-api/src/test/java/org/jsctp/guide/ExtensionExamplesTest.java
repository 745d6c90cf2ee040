package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpPathMtuState;
import org.jsctp.api.SctpPathStatistics;
import org.jsctp.api.SctpPrStatistics;
import org.jsctp.api.SctpReconfigResult;
import org.jsctp.api.SctpStatistics;
import org.jsctp.api.SctpStreamDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each extension example of the guide does what its text says. */
@Timeout(60)
class ExtensionExamplesTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");

    @Test
    void anExpiredMessageIsAbandonedUnsentAndHandedBackWhileTheOthersArrive() throws Exception {
        DeliveryExtensions.PrOutcome o = DeliveryExtensions.prSctp();
        assertThat(o.failed().abandoned()).isTrue();
        assertThat(o.failed().sent()).isFalse();
        assertThat(o.failed().message().context()).isEqualTo("frame 17");
        assertThat(o.delivered()).containsExactly(9);
        assertThat(o.abandoned()).isEqualTo(new SctpPrStatistics(1, 0, 0, 0, 0, 0));
    }

    @Test
    void aStreamResetCompletesThePeerIsToldAndAddedStreamsCarryMessages() throws Exception {
        DeliveryExtensions.ReconfigOutcome o = DeliveryExtensions.streamReconfiguration();
        assertThat(o.reset().result()).isEqualTo(SctpReconfigResult.PERFORMED);
        assertThat(o.reset().streams()).containsExactly(1);
        assertThat(o.newStreamSsn()).as("SSN of the first message after the reset").isZero();
        assertThat(o.peerTold().direction()).isEqualTo(SctpStreamDirection.INCOMING);
        assertThat(o.peerTold().result()).isEqualTo(SctpReconfigResult.PERFORMED);
        assertThat(o.added().result()).isEqualTo(SctpReconfigResult.PERFORMED);
        assertThat(o.outboundStreams()).isEqualTo(o.added().outboundStreams());
    }

    @Test
    void withIDataAndPrioTheSmallMessageOvertakesTheBulkOne() throws Exception {
        DeliveryExtensions.InterleavingOutcome o = DeliveryExtensions.interleaving();
        assertThat(o.clientInterleaving()).isTrue();
        assertThat(o.serverInterleaving()).isTrue();
        assertThat(o.arrivalStreams()).containsExactly(1, 2);
        assertThat(o.priorityOfStream1()).isZero();
    }

    @Test
    void aMultihomedAssociationHasTwoPathsAndSendsOnTheChosenPrimary() throws Exception {
        PathExtensions.MultihomingOutcome o = PathExtensions.multihoming();
        assertThat(o.peerAddresses()).containsExactlyInAnyOrder(A1, A2);
        assertThat(o.primary()).isEqualTo(A2);
        assertThat(o.paths()).extracting(p -> p.address().getAddress()).containsExactlyInAnyOrder(A1, A2);
        assertThat(o.pfThreshold()).isEqualTo(1);
        assertThat(o.delivered()).containsExactly(42);
    }

    @Test
    void bindAddressSetPeerPrimaryAndUnbindAddressCompleteAndThePeerFollows() throws Exception {
        PathExtensions.AsconfOutcome o = PathExtensions.asconf();
        assertThat(o.serverSawPeerAddresses()).containsExactly(List.of(A1), List.of(A1, A2), List.of(A1));
        assertThat(o.serverSawPrimary()).containsExactly(A2, A1);
        assertThat(o.deliveredOverTheNewAddress()).containsExactly(7);
    }

    @Test
    void discoveryProbesWhileAFixedMtuIsUsedAsItIs() throws Exception {
        PathExtensions.MtuOutcome o = PathExtensions.pathMtu();
        assertThat(o.probing().mtuState()).isNotEqualTo(SctpPathMtuState.DISABLED);
        assertThat(o.probing().mtu()).isBetween(1200, 9000);
        assertThat(o.fixed().mtuState()).isEqualTo(SctpPathMtuState.DISABLED);
        assertThat(o.fixed().mtu()).isEqualTo(1280);
    }

    @Test
    void nrSackEndpointsExchangeMessages() throws Exception {
        assertThat(PathExtensions.nrSack()).containsExactly(20, true);
    }

    @Test
    void cmtSpreadsDataOverBothPaths() throws Exception {
        List<SctpPathStatistics> paths = PathExtensions.cmt();
        assertThat(paths).hasSize(2).allSatisfy(p -> assertThat(p.dataPacketsSent()).isPositive());
    }

    @Test
    void theAuthenticatedAssociationComesUpCarriesDataAndRollsItsKeyOver() throws Exception {
        AssociationExtensions.AuthOutcome o = AssociationExtensions.auth();
        assertThat(o.authenticated()).isTrue();
        assertThat(o.delivered()).asString().isEqualTo("signed");
        assertThat(o.serverTold()).isInstanceOfSatisfying(SctpNotification.Authentication.class, n -> {
            assertThat(n.keyId()).isEqualTo(1);
            assertThat(n.indication()).isEqualTo(SctpNotification.Authentication.Indication.NEW_KEY);
        });
        assertThat(o.afterRekey()).asString().isEqualTo("signed with key 2");
    }

    @Test
    void zeroChecksumIsUsedOnceBothSidesAnnounceIt() throws Exception {
        SctpStatistics s = AssociationExtensions.zeroChecksum();
        assertThat(s.zeroChecksumPacketsSent()).isPositive().isLessThanOrEqualTo(s.packetsSent());
        assertThat(s.zeroChecksumPacketsReceived()).isPositive();
    }

    @Test
    void disableRestartIsOnWhereSetAndDataFlows() throws Exception {
        assertThat(AssociationExtensions.disableRestart()).containsExactly(true, false, true);
    }

    @Test
    void thePeersAdaptationIndicationArrives() throws Exception {
        assertThat(AssociationExtensions.adaptation()).isInstanceOfSatisfying(
                SctpNotification.AdaptationIndication.class, n -> assertThat(n.indication()).isEqualTo(0x1234));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
