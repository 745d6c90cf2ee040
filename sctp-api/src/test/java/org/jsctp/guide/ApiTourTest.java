package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jsctp.api.AssociationParameters;
import org.jsctp.api.DefaultSendParameters;
import org.jsctp.api.DelayedAckParameters;
import org.jsctp.api.InitParameters;
import org.jsctp.api.PathMtuParameters;
import org.jsctp.api.PeerAddressParameters;
import org.jsctp.api.RtoInfo;
import org.jsctp.api.SctpAssociation;
import org.jsctp.api.SctpEndpoint;
import org.jsctp.api.SctpOption;
import org.jsctp.api.SctpOptions;
import org.jsctp.api.SctpAbortedException;
import org.jsctp.api.SctpClosedException;
import org.jsctp.api.SctpConnectException;
import org.jsctp.api.SctpNotification;
import org.jsctp.api.SctpNotification.AssociationChange.Change;
import org.jsctp.api.SctpReceivedMessage;
import org.jsctp.api.SctpTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API tour's examples do what the guide says they do. */
@Timeout(60)
class ApiTourTest {

    @Test
    void aOneToOneMessageArrivesWithItsStreamPpidAndUnorderedFlag() throws Exception {
        SctpReceivedMessage m = ApiTour.oneToOne();
        assertThat(m.toByteArray()).asString().isEqualTo("status?");
        assertThat(m.stream()).isEqualTo(2);
        assertThat(m.ppid()).isEqualTo(51);
        assertThat(m.isUnordered()).isTrue();
        assertThat(m.isComplete()).isTrue();
    }

    @Test
    void bothSidesAskingFor32StreamsGet32AndTheLastOneCarriesMessages() throws Exception {
        assertThat(ApiTour.streams()).containsExactly(32, 32, 31);
    }

    @Test
    void theFirstOneToManySendSetsTheAssociationUpAndTheReplyUsesIt() throws Exception {
        assertThat(ApiTour.oneToMany()).isEqualTo("pong");
    }

    @Test
    void theAsynchronousEchoCompletes() throws Exception {
        assertThat(ApiTour.asynchronous()).isEqualTo("async");
    }

    @Test
    void theListenerSeesTheAssociationComeUpTheMessageAndTheShutdown() throws Exception {
        List<Object> seen = ApiTour.listener();
        assertThat(seen.get(0)).isInstanceOfSatisfying(SctpNotification.AssociationChange.class,
                c -> assertThat(c.change()).isEqualTo(Change.COMM_UP));
        assertThat(seen.get(1)).isEqualTo("hi");
        assertThat(seen.get(2)).isEqualTo("k");
        assertThat(seen.get(3)).isInstanceOfSatisfying(SctpNotification.AssociationChange.class,
                c -> assertThat(c.change()).isEqualTo(Change.SHUTDOWN_COMP));
    }

    @Test
    void theSubscribedNotificationsArriveInOrderUntilTheAssociationHasClosed() throws Exception {
        List<SctpNotification> told = ApiTour.events();
        assertThat(told).filteredOn(n -> !(n instanceof SctpNotification.SenderDry))
                .extracting(n -> n instanceof SctpNotification.AssociationChange c ? c.change() : n.getClass())
                .containsExactly(Change.COMM_UP, SctpNotification.Shutdown.class, Change.SHUTDOWN_COMP);
    }

    @Test
    void aLiveOptionChangesAndAFixedOneIsRefused() throws Exception {
        assertThat(ApiTour.options()).containsExactly(true, false, 4 << 20, false);
    }

    @Test
    void theDefaultsTheTourListsAreTheStacks() throws Exception {
        try (Peers p = Peers.connect(SctpEndpoint.builder(), SctpEndpoint.builder())) {
            SctpAssociation a = p.client();
            assertThat(a.getOption(SctpOptions.INIT_MSG)).isEqualTo(new InitParameters(10, 2048, 8, Duration.ofSeconds(60)));
            assertThat(a.getOption(SctpOptions.RTO_INFO)).isEqualTo(
                    new RtoInfo(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60)));
            assertThat(a.getOption(SctpOptions.ASSOC_INFO)).isEqualTo(new AssociationParameters(10, Duration.ofSeconds(60)));
            assertThat(a.getOption(SctpOptions.NODELAY)).isFalse();
            assertThat(a.getOption(SctpOptions.SEND_BUFFER)).isEqualTo(2 << 20);
            assertThat(a.getOption(SctpOptions.RECEIVE_BUFFER)).isEqualTo(2 << 20);
            assertThat(a.getOption(SctpOptions.MAX_SEG)).isEqualTo(1424);
            assertThat(a.getOption(SctpOptions.DELAYED_ACK_TIME)).isEqualTo(
                    new DelayedAckParameters(Duration.ofMillis(200), 2));
            assertThat(a.getOption(SctpOptions.PEER_ADDR_PARAMS)).isEqualTo(
                    new PeerAddressParameters(Duration.ofSeconds(30), 5));
            assertThat(a.getOption(SctpOptions.EVENTS)).isEmpty();
            assertThat(a.getOption(SctpOptions.DEFAULT_SEND_PARAM)).isEqualTo(DefaultSendParameters.NONE);
            assertThat(a.getOption(SctpOptions.PARTIAL_DELIVERY_POINT)).isEqualTo(1 << 20);
            assertThat(a.getOption(SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD)).isZero();
            assertThat(a.getOption(SctpOptions.PATH_MTU)).isEqualTo(new PathMtuParameters(true, 1452));
            assertThat(List.of(SctpOptions.NODELAY, SctpOptions.PEER_ADDR_PARAMS, SctpOptions.EVENTS,
                    SctpOptions.DEFAULT_SEND_PARAM, SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD))
                    .allMatch(SctpOption::isLive);
            assertThat(List.of(SctpOptions.INIT_MSG, SctpOptions.RTO_INFO, SctpOptions.ASSOC_INFO,
                    SctpOptions.SEND_BUFFER, SctpOptions.RECEIVE_BUFFER, SctpOptions.MAX_SEG,
                    SctpOptions.DELAYED_ACK_TIME, SctpOptions.PARTIAL_DELIVERY_POINT)).noneMatch(SctpOption::isLive);
        }
    }

    @Test
    void eachFailureHasItsTypedException() throws Exception {
        List<Class<?>> caught = ApiTour.errors();
        assertThat(caught).hasSize(4);
        assertThat(caught.subList(0, 3)).containsExactly(SctpConnectException.class, SctpTimeoutException.class,
                SctpAbortedException.class);
        assertThat(caught.get(3)).isIn(SctpAbortedException.class, SctpClosedException.class);
    }
}
