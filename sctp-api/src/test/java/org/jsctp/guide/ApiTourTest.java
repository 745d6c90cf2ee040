package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    void eachFailureHasItsTypedException() throws Exception {
        List<Class<?>> caught = ApiTour.errors();
        assertThat(caught).hasSize(4);
        assertThat(caught.subList(0, 3)).containsExactly(SctpConnectException.class, SctpTimeoutException.class,
                SctpAbortedException.class);
        assertThat(caught.get(3)).isIn(SctpAbortedException.class, SctpClosedException.class);
    }
}
