package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsctp.core.assoc.AssociationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cmtCongestionControl setting of {@link AssociationConfig}. */
class CmtCongestionControlConfigTest {

    @Test
    void uncoupledIsTheDefault() {
        assertThat(AssociationConfig.defaults().cmtCongestionControl()).isEqualTo(CmtCongestionControl.UNCOUPLED);
    }

    @ParameterizedTest
    @EnumSource(CmtCongestionControl.class)
    void theBuilderAndToBuilderCarryIt(CmtCongestionControl value) {
        AssociationConfig config = AssociationConfig.builder().cmtEnabled(true).cmtCongestionControl(value).build();
        assertThat(config.cmtCongestionControl()).isEqualTo(value);
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toBuilder().cmtEnabled(false).cmtCongestionControl(CmtCongestionControl.UNCOUPLED).build())
                .isEqualTo(AssociationConfig.defaults());
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> AssociationConfig.builder().cmtCongestionControl(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cmtCongestionControl");
    }
}
