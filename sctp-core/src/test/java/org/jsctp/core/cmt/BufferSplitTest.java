package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.path.PathState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CMT buffer splitting (FreeBSD's {@code sctp_buffer_splitting}): the share, the rule, the scheduler, the option. */
class BufferSplitTest {

    private static final int MTU = 1000;

    private static CmtPathSnapshot path(int id, long flight) {
        return CmtPathSnapshot.active(id, 1_000_000, flight, 1_000_000, MTU);
    }

    @Test
    void theShareIsTheSplitBufferDividedByTheActivePaths() {
        // Send buffer 64000, peer's window 30000.
        assertThat(new BufferSplit(CmtBufferSplitting.SEND, 64_000, 30_000).shareBytes(2)).isEqualTo(32_000);
        assertThat(new BufferSplit(CmtBufferSplitting.SEND, 64_000, 30_000).shareBytes(3)).isEqualTo(21_333);
        assertThat(new BufferSplit(CmtBufferSplitting.RECEIVE, 64_000, 30_000).shareBytes(2)).isEqualTo(15_000);
        assertThat(new BufferSplit(CmtBufferSplitting.RECEIVE, 64_000, 30_000).shareBytes(4)).isEqualTo(7_500);
        assertThat(new BufferSplit(CmtBufferSplitting.BOTH, 64_000, 30_000).shareBytes(2)).isEqualTo(15_000);
        assertThat(new BufferSplit(CmtBufferSplitting.BOTH, 64_000, 200_000).shareBytes(2)).isEqualTo(32_000);
        assertThat(new BufferSplit(CmtBufferSplitting.NONE, 64_000, 30_000).shareBytes(2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPathTakesAPacketWhileAWholePacketStillFitsItsShare() {
        BufferSplit split = new BufferSplit(CmtBufferSplitting.SEND, 20_000, 1_000_000); // share 10000 of 2
        assertThat(split.admits(path(0, 9_000), 2)).isTrue(); // 9000 + 1000 = 10000: fits exactly
        assertThat(split.admits(path(0, 9_001), 2)).isFalse(); // 10001 would pass the share
        assertThat(split.admits(path(0, 9_001), 1)).isTrue(); // alone, its share is 20000
        assertThat(BufferSplit.OFF.admits(path(0, Long.MAX_VALUE / 2), 2)).isTrue();
        assertThat(new BufferSplit(CmtBufferSplitting.NONE, 1500, 0).admits(path(0, 50_000), 2)).isTrue();
    }

    @Test
    void aPathWithNothingInFlightAlwaysTakesOnePacket() {
        BufferSplit shutWindow = new BufferSplit(CmtBufferSplitting.RECEIVE, 64_000, 0);
        assertThat(shutWindow.admits(path(0, 0), 2)).isTrue();
        assertThat(shutWindow.admits(path(0, 1), 2)).isFalse();
        BufferSplit belowAPacket = new BufferSplit(CmtBufferSplitting.RECEIVE, 64_000, 1_500); // share 750 < MTU
        assertThat(belowAPacket.admits(path(0, 0), 2)).isTrue();
        assertThat(belowAPacket.admits(path(0, 100), 2)).isFalse();
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> new BufferSplit(CmtBufferSplitting.SEND, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BufferSplit.OFF.shareBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSchedulerSkipsAPathOverItsShareAsOneWithoutCwndRoom() {
        // Share 3000 of a 6000 send buffer on each of two paths: three packets of 1000 each.
        BufferSplit split = new BufferSplit(CmtBufferSplitting.SEND, 6_000, 1_000_000);
        List<CmtPathSnapshot> paths = new ArrayList<>(List.of(path(0, 0), path(1, 2_500)));
        CmtScheduler scheduler = new CmtScheduler();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            OptionalInt p = scheduler.nextPathForNewData(paths, split);
            if (p.isEmpty()) {
                break;
            }
            chosen.add(p.getAsInt());
            CmtPathSnapshot s = paths.get(p.getAsInt());
            paths.set(p.getAsInt(), s.withFlightSize(s.flightSize() + MTU));
        }
        // Path 1 (2500 in flight) has no room for another 1000; path 0 takes three, then nothing fits.
        assertThat(chosen).containsExactly(0, 0, 0);
        assertThat(paths.get(0).flightSize()).isEqualTo(3_000);
        // Without splitting both paths keep taking data.
        List<CmtPathSnapshot> unsplit = new ArrayList<>(List.of(path(0, 0), path(1, 2_500)));
        assertThat(new CmtScheduler().nextPathForNewData(unsplit, BufferSplit.OFF)).hasValue(0);
        assertThat(new CmtScheduler().nextPathForNewData(List.of(path(0, 3_000), path(1, 2_500)), BufferSplit.OFF))
                .hasValue(0);
        assertThat(new CmtScheduler().nextPathForNewData(List.of(path(0, 3_000), path(1, 2_500)), split)).isEmpty();
    }

    @Test
    void onlyTheActivePathsShareTheBufferAndRetransmissionsAreNotLimited() {
        // Three paths, one potentially failed: two active ones share 6000, 3000 each.
        BufferSplit split = new BufferSplit(CmtBufferSplitting.SEND, 6_000, 1_000_000);
        List<CmtPathSnapshot> paths = List.of(path(0, 2_500), path(1, 2_000),
                path(2, 0).withState(PathState.POTENTIALLY_FAILED, 1));
        assertThat(new CmtScheduler().nextPathForNewData(paths, split)).hasValue(1); // 2000 + 1000 <= 3000
        List<CmtPathSnapshot> full = List.of(path(0, 2_500), path(1, 2_500),
                path(2, 0).withState(PathState.POTENTIALLY_FAILED, 1));
        assertThat(new CmtScheduler().nextPathForNewData(full, split)).isEmpty(); // the PF path takes none
        assertThat(new CmtScheduler().pathForRetransmission(full, 0)).hasValue(1);
    }

    @Test
    void noneIsTheDefault() {
        assertThat(AssociationConfig.defaults().cmtBufferSplitting()).isEqualTo(CmtBufferSplitting.NONE);
    }

    @ParameterizedTest
    @EnumSource(CmtBufferSplitting.class)
    void theBuilderAndToBuilderCarryIt(CmtBufferSplitting value) {
        AssociationConfig config = AssociationConfig.builder().cmtEnabled(true).cmtBufferSplitting(value).build();
        assertThat(config.cmtBufferSplitting()).isEqualTo(value);
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toBuilder().cmtEnabled(false).cmtBufferSplitting(CmtBufferSplitting.NONE).build())
                .isEqualTo(AssociationConfig.defaults());
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> AssociationConfig.builder().cmtBufferSplitting(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cmtBufferSplitting");
    }

    @Test
    void theModesSayWhichBuffersTheySplit() {
        assertThat(CmtBufferSplitting.NONE.splitsSendBuffer()).isFalse();
        assertThat(CmtBufferSplitting.NONE.splitsReceiveWindow()).isFalse();
        assertThat(CmtBufferSplitting.SEND.splitsSendBuffer()).isTrue();
        assertThat(CmtBufferSplitting.SEND.splitsReceiveWindow()).isFalse();
        assertThat(CmtBufferSplitting.RECEIVE.splitsSendBuffer()).isFalse();
        assertThat(CmtBufferSplitting.RECEIVE.splitsReceiveWindow()).isTrue();
        assertThat(CmtBufferSplitting.BOTH.splitsSendBuffer()).isTrue();
        assertThat(CmtBufferSplitting.BOTH.splitsReceiveWindow()).isTrue();
    }
}
