package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssociationConfigTest {

    @Test
    void thePartialDeliveryPointDefaultsToHalfTheReceiveBuffer() {
        assertThat(AssociationConfig.defaults().partialDeliveryPointBytes())
                .isEqualTo(AssociationConfig.defaults().receiveBufferBytes() / 2);
        assertThat(AssociationConfig.builder().receiveBufferBytes(10_000).build().partialDeliveryPointBytes())
                .isEqualTo(5_000);
    }

    @Test
    void anExplicitPartialDeliveryPointIsKept() {
        AssociationConfig c = AssociationConfig.builder().receiveBufferBytes(10_000).partialDeliveryPointBytes(1).build();
        assertThat(c.partialDeliveryPointBytes()).isEqualTo(1);
        assertThat(c.toBuilder().receiveBufferBytes(20_000).build().partialDeliveryPointBytes()).isEqualTo(1);
    }

    @Test
    void aDefaultPartialDeliveryPointFollowsTheReceiveBufferThroughToBuilder() {
        AssociationConfig c = AssociationConfig.builder().receiveBufferBytes(10_000).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.toBuilder().receiveBufferBytes(40_000).build().partialDeliveryPointBytes()).isEqualTo(20_000);
    }

    @Test
    void thePartialDeliveryPointMustLieWithinTheReceiveBuffer() {
        assertThatThrownBy(() -> AssociationConfig.builder().partialDeliveryPointBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partialDeliveryPointBytes");
        assertThatThrownBy(() -> AssociationConfig.builder().receiveBufferBytes(10_000).partialDeliveryPointBytes(10_001)
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(AssociationConfig.builder().receiveBufferBytes(10_000).partialDeliveryPointBytes(10_000).build()
                .partialDeliveryPointBytes()).isEqualTo(10_000);
    }

    @Test
    void multiHomingDefaultsListNoAddressesAndMakeTheFirstTimeoutPotentiallyFailed() throws Exception {
        AssociationConfig d = AssociationConfig.defaults();
        assertThat(d.localAddresses()).isEmpty();
        assertThat(d.potentiallyFailedMaxRetransmits()).isZero(); // RFC 7829 section 8: PFMR 0
        assertThat(d.primarySwitchoverMaxRetransmits()).isEqualTo(AssociationConfig.PRIMARY_SWITCHOVER_OFF);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        AssociationConfig c = AssociationConfig.builder().localAddresses(List.of(a)).potentiallyFailedMaxRetransmits(2)
                .primarySwitchoverMaxRetransmits(3).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThatThrownBy(() -> AssociationConfig.builder().localAddresses(List.of(a, a)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssociationConfig.builder().potentiallyFailedMaxRetransmits(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssociationConfig.builder().primarySwitchoverMaxRetransmits(-2).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
