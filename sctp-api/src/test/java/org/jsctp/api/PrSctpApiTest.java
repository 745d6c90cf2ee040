package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PR-SCTP through the API (RFC 7496 section 4): the default policy option, a message's own policy
 * overriding it, the send-failed notification of an abandoned message and the abandoned counters.
 * A lifetime of 0 ms has expired by the time the stack would send the message, so it is given up
 * unsent, deterministically, without any loss on the loopback.
 */
class PrSctpApiTest {

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    @Test
    void theDefaultPolicyAppliesUnlessAMessageSetsItsOwnAndAbandonedMessagesComeBack() throws Exception {
        SctpEndpoint server = net.server();
        SctpEndpoint client = net.adopt(net.endpoint().option(SctpOptions.DEFAULT_PRINFO, SctpPrPolicy.ttl(0))
                .build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(a.getOption(SctpOptions.DEFAULT_PRINFO)).isEqualTo(SctpPrPolicy.ttl(0));
        a.setOption(SctpOptions.EVENTS, EnumSet.of(NotificationKind.SEND_FAILED));

        a.send(SctpMessage.of(Loopback.pattern(1, 100)).withContext("expired")); // the default: lifetime 0 ms
        a.send(SctpMessage.of(Loopback.pattern(2, 100)).withPrPolicy(SctpPrPolicy.NONE)); // its own: reliable
        a.send(SctpMessage.of(Loopback.pattern(3, 100)).withPrPolicy(SctpPrPolicy.rtx(3))); // its own: up to 3 retransmissions

        SctpNotification n = a.receiveNotification(Loopback.TIMEOUT);
        assertThat(n).isInstanceOfSatisfying(SctpNotification.SendFailed.class, f -> {
            assertThat(f.abandoned()).isTrue();
            assertThat(f.sent()).isFalse();
            assertThat(f.message().context()).isEqualTo("expired");
            assertThat(f.message().toByteArray()).isEqualTo(Loopback.pattern(1, 100));
        });
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(2, 100));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(3, 100));
        SctpPrStatistics pr = a.statistics().abandoned();
        assertThat(pr).isEqualTo(new SctpPrStatistics(1, 0, 0, 0, 0, 0));
        assertThat(pr.abandonedUnsent()).isEqualTo(1);

        a.setOption(SctpOptions.DEFAULT_PRINFO, SctpPrPolicy.NONE); // live
        a.send(SctpMessage.of(Loopback.pattern(4, 100)));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(4, 100));
        assertThat(a.statistics().abandoned().abandonedUnsent()).isEqualTo(1);
        a.shutdown();
    }

    @Test
    void policiesCheckTheirValues() {
        assertThatThrownBy(() -> SctpPrPolicy.rtx(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SctpPrPolicy.ttl(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SctpPrPolicy(SctpPrPolicy.Policy.NONE, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SctpPrPolicy.prio(0).policy()).isEqualTo(SctpPrPolicy.Policy.PRIO);
        assertThat(SctpMessage.of(new byte[1]).prPolicy()).isNull();
        assertThat(SctpMessage.of(new byte[1]).withPrPolicy(SctpPrPolicy.rtx(1)).withStream(3).prPolicy())
                .isEqualTo(SctpPrPolicy.rtx(1));
    }
}
