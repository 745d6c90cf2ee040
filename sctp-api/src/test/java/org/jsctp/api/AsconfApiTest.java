package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ASCONF through the API (RFC 5061; RFC 6458 sctp_bindx on a live association and
 * SCTP_SET_PEER_PRIMARY_ADDR) between two of our endpoints bound to 127.0.0.1 and 127.0.0.2, with
 * {@link SctpOptions#ASCONF_ENABLED} (which turns AUTH on, section 4.1.1).
 */
class AsconfApiTest {

    private static final InetAddress A1 = address("127.0.0.1");
    private static final InetAddress A2 = address("127.0.0.2");

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private SctpAssociation[] pair(boolean clientAsconf) throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().localAddresses(A1, A2).sctpPort(7)
                .option(SctpOptions.ASCONF_ENABLED, true).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().localAddresses(A1, A2)
                .option(SctpOptions.ASCONF_ENABLED, clientAsconf).build());
        SctpAssociation a = client.connect(server.localAddresses(), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        return new SctpAssociation[] {a, b};
    }

    @Test
    void unbindThenBindAnAddressAndSetThePeersPrimaryOnALiveAssociation() throws Exception {
        SctpAssociation[] p = pair(true);
        SctpAssociation a = p[0];
        SctpAssociation b = p[1];
        assertThat(a.isAuthenticatedAsync().get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.peerAddresses()).containsExactlyInAnyOrder(A1, A2);

        a.unbindAddress(A2).get(5, TimeUnit.SECONDS);
        Eventually.until("the server dropped 127.0.0.2", () -> b.peerAddresses().equals(java.util.List.of(A1)));

        a.bindAddress(A2).get(5, TimeUnit.SECONDS);
        Eventually.until("the server added 127.0.0.2", () -> b.peerAddresses().contains(A2));

        a.setPeerPrimary(A2).get(5, TimeUnit.SECONDS);
        Eventually.until("the server's primary is 127.0.0.2", () -> A2.equals(b.primaryAddress()));

        b.send(SctpMessage.of(new byte[] {7}));
        assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(7);
        a.send(SctpMessage.of(new byte[] {8}));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(8);
    }

    @Test
    void anEndpointOnOneAddressBindsASecondOneOnTheLiveAssociationAndClosesItAfterTheUnbind() throws Exception {
        SctpEndpoint server = net.adopt(net.endpoint().localAddresses(A1, A2).sctpPort(7)
                .option(SctpOptions.ASCONF_ENABLED, true).build());
        server.listen();
        SctpEndpoint client = net.adopt(net.endpoint().localAddresses(java.util.List.of(A1))
                .option(SctpOptions.ASCONF_ENABLED, true).build());
        SctpAssociation a = client.connect(server.localAddresses(), 7);
        SctpAssociation b = server.accept(Loopback.TIMEOUT);
        assertThat(b.peerAddresses()).containsExactly(A1);

        a.bindAddress(A2).get(5, TimeUnit.SECONDS); // a socket on 127.0.0.2 first, then the ASCONF
        assertThat(client.localAddresses()).extracting(java.net.InetSocketAddress::getAddress)
                .containsExactly(A1, A2);
        Eventually.until("the server added 127.0.0.2", () -> b.peerAddresses().contains(A2));
        a.setPeerPrimary(A2).get(5, TimeUnit.SECONDS);
        Eventually.until("the server's primary is 127.0.0.2", () -> A2.equals(b.primaryAddress()));
        for (int i = 0; i < 5; i++) {
            b.send(SctpMessage.of(new byte[] {(byte) i}));
            assertThat(a.receive(Loopback.TIMEOUT).toByteArray()).containsExactly((byte) i);
        }

        a.setPeerPrimary(A1).get(5, TimeUnit.SECONDS);
        a.unbindAddress(A2).get(5, TimeUnit.SECONDS);
        assertThat(client.localAddresses()).extracting(java.net.InetSocketAddress::getAddress).containsExactly(A1);
        Eventually.until("the server dropped 127.0.0.2", () -> b.peerAddresses().equals(java.util.List.of(A1)));
        a.send(SctpMessage.of(new byte[] {9}));
        assertThat(b.receive(Loopback.TIMEOUT).toByteArray()).containsExactly(9);
    }

    @Test
    void requestsFailWithATypedExceptionWhenNotNegotiatedOrInvalid() throws Exception {
        SctpAssociation[] p = pair(false);
        assertThatThrownBy(() -> p[0].bindAddress(A2).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SctpAddressReconfigException.class).hasMessageContaining("not negotiated");
        assertThatThrownBy(() -> p[0].setPeerPrimary(A1).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(SctpAddressReconfigException.class);
        assertThat(p[0].getOption(SctpOptions.ASCONF_ENABLED)).isFalse();
    }

    @Test
    void theLastAddressCannotBeUnbound() throws Exception {
        SctpAssociation a = pair(true)[0];
        a.unbindAddress(A2).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> a.unbindAddress(A1).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(SctpAddressReconfigException.class).hasMessageContaining("last address");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
