package org.jsctp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUTH (RFC 4895) through the API options, key management and the authentication notification. */
class AuthApiTest {

    private static final byte[] KEY = {1, 2, 3, 4, 5, 6, 7, 8};

    private final Loopback net = new Loopback();

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private SctpEndpoint.Builder authEndpoint(byte[] key) {
        return net.endpoint().option(SctpOptions.AUTH_REQUIRED, true)
                .option(SctpOptions.AUTH_HMAC_IDENT, List.of(SctpAuthHmac.SHA_256, SctpAuthHmac.SHA_1))
                .option(SctpOptions.AUTH_CHUNKS, Set.of(0)).option(SctpOptions.AUTH_KEYS, SctpAuthKeys.of(1, key))
                .option(SctpOptions.EVENTS, Set.of(NotificationKind.AUTHENTICATION));
    }

    @Test
    void twoEndpointsRequiringAuthExchangeMessagesAndManageKeys() throws Exception {
        SctpEndpoint server = net.adopt(authEndpoint(KEY).sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.adopt(authEndpoint(KEY).build());
        SctpAssociation a = client.connect(Loopback.addressOf(server), 7);
        SctpAssociation s = server.accept(Loopback.TIMEOUT);

        a.send(SctpMessage.of(Loopback.pattern(1, 2000)));
        assertThat(s.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(1, 2000));
        assertThat(a.isAuthenticatedAsync().get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(s.receiveNotification(Loopback.TIMEOUT)).isEqualTo(
                new SctpNotification.Authentication(s, 1, SctpNotification.Authentication.Indication.NEW_KEY));
        assertThat(a.getOption(SctpOptions.AUTH_HMAC_IDENT)).containsExactly(SctpAuthHmac.SHA_256, SctpAuthHmac.SHA_1);
        assertThat(a.getOption(SctpOptions.AUTH_CHUNKS)).containsExactly(0);

        // A second key on both sides, then the client switches to it: the server hears of it.
        s.setAuthKey(2, new byte[] {9, 9}).get(20, TimeUnit.SECONDS);
        a.setAuthKey(2, new byte[] {9, 9}).get(20, TimeUnit.SECONDS);
        a.activateAuthKey(2).get(20, TimeUnit.SECONDS);
        a.send(SctpMessage.of(Loopback.pattern(2, 100)));
        assertThat(s.receive(Loopback.TIMEOUT).toByteArray()).isEqualTo(Loopback.pattern(2, 100));
        assertThat(s.receiveNotification(Loopback.TIMEOUT)).isEqualTo(
                new SctpNotification.Authentication(s, 2, SctpNotification.Authentication.Indication.NEW_KEY));
        // RFC 6458 section 8.3.5: the active key cannot be deleted.
        assertThatThrownBy(() -> a.deleteAuthKey(2).get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        a.deleteAuthKey(1).get(20, TimeUnit.SECONDS);
        a.shutdown();
    }

    @Test
    void aRequiredAuthRefusesAPeerWithoutIt() throws Exception {
        SctpEndpoint server = net.adopt(authEndpoint(KEY).sctpPort(7).build());
        server.listen();
        SctpEndpoint client = net.client();
        assertThatThrownBy(() -> client.connect(Loopback.addressOf(server), 7)).isInstanceOf(SctpException.class);
    }

    @Test
    void theOptionsCheckWhatRfc4895Forbids() {
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.AUTH_HMAC_IDENT, List.of(SctpAuthHmac.SHA_256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-1");
        assertThatThrownBy(() -> net.endpoint().option(SctpOptions.AUTH_CHUNKS, Set.of(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SctpAuthKeys(java.util.Map.of(1, KEY), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
