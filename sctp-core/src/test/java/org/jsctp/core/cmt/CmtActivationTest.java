package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.assoc.AssociationConfig;
import org.junit.jupiter.api.Test;

/** The cmtEnabled setting and the NR-SACK requirement. */
class CmtActivationTest {

    @Test
    void cmtIsOffByDefaultAndTheBuilderAndToBuilderCarryIt() {
        assertThat(AssociationConfig.defaults().cmtEnabled()).isFalse();
        AssociationConfig on = AssociationConfig.builder().cmtEnabled(true).build();
        assertThat(on.cmtEnabled()).isTrue();
        assertThat(on.toBuilder().build()).isEqualTo(on);
        assertThat(on.toBuilder().cmtEnabled(false).build()).isEqualTo(AssociationConfig.defaults());
    }

    @Test
    void cmtRunsOnlyWhereItIsWantedAndNrSackIsNegotiated() {
        assertThat(CmtActivation.isActive(true, true)).isTrue();
        assertThat(CmtActivation.isActive(true, false)).as("receive-buffer blocking without NR-SACK").isFalse();
        assertThat(CmtActivation.isActive(false, true)).isFalse();
        assertThat(CmtActivation.isActive(false, false)).isFalse();
    }
}
