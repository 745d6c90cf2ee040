package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ASCONF settings of {@link AssociationConfig}. */
class AsconfConfigTest {

    @Test
    void asconfIsOffByDefaultAndTurnedOnThroughTheCapabilities() {
        assertThat(AssociationConfig.defaults().asconfSupported()).isFalse();
        assertThat(AssociationConfig.defaults().capabilities().toParameters().toString()).doesNotContain("193");

        AssociationConfig on = AssociationConfig.builder().asconfSupported(true).build();

        assertThat(on.asconfSupported()).isTrue();
        assertThat(on.capabilities().asconf()).isTrue();
        assertThat(on.capabilities().forwardTsn()).as("the other defaults stay").isTrue();
        assertThat(on.toBuilder().build()).isEqualTo(on);
    }

    @Test
    void maxPeerAddressesHasADefaultAndARange() {
        assertThat(AssociationConfig.defaults().maxPeerAddresses()).isEqualTo(32);
        assertThat(AssociationConfig.builder().maxPeerAddresses(1).build().maxPeerAddresses()).isEqualTo(1);
        assertThat(AssociationConfig.builder().maxPeerAddresses(7).build().toBuilder().build().maxPeerAddresses())
                .isEqualTo(7);
        assertThatThrownBy(() -> AssociationConfig.builder().maxPeerAddresses(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPeerAddresses");
        assertThatThrownBy(() -> AssociationConfig.builder().maxPeerAddresses(1025).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
