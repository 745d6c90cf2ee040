package org.jsctp.core.cmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.core.path.PathState;
import org.junit.jupiter.api.Test;

/** Path choice of CMT: round robin of new data, retransmission policies, failed paths. */
class CmtSchedulerTest {

    private static final int MTU = 1200;

    private static CmtPathSnapshot path(int id, long cwnd, long flight, long ssthresh) {
        return CmtPathSnapshot.active(id, cwnd, flight, ssthresh, MTU);
    }

    /** Sends {@code packets} packets of one MTU each, adding them to the chosen path's flight. */
    private static List<Integer> send(CmtScheduler scheduler, List<CmtPathSnapshot> paths, int packets) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < packets; i++) {
            OptionalInt p = scheduler.nextPathForNewData(paths);
            if (p.isEmpty()) {
                break;
            }
            chosen.add(p.getAsInt());
            int index = -1;
            for (int j = 0; j < paths.size(); j++) {
                if (paths.get(j).pathId() == p.getAsInt()) {
                    index = j;
                }
            }
            paths.set(index, paths.get(index).withFlightSize(paths.get(index).flightSize() + MTU));
        }
        return chosen;
    }

    @Test
    void newDataGoesRoundRobinOverTheActivePathsOnePacketEach() {
        List<CmtPathSnapshot> paths = new ArrayList<>(List.of(path(0, 10 * MTU, 0, 100_000),
                path(1, 10 * MTU, 0, 100_000)));
        assertThat(send(new CmtScheduler(), paths, 6)).containsExactly(0, 1, 0, 1, 0, 1);
    }

    @Test
    void aPathWithoutCwndRoomIsSkippedAndTheRestShareUntilEveryWindowIsFull() {
        List<CmtPathSnapshot> paths = new ArrayList<>(List.of(path(0, 4 * MTU, 0, 100_000),
                path(1, MTU, 0, 100_000), path(2, 2 * MTU, 0, 100_000)));
        assertThat(send(new CmtScheduler(), paths, 20)).containsExactly(0, 1, 2, 0, 2, 0, 0);
    }

    @Test
    void potentiallyFailedAndInactivePathsTakeNoNewDataWhileAPathIsActive() {
        List<CmtPathSnapshot> paths = new ArrayList<>(List.of(
                path(0, 10 * MTU, 0, 100_000).withState(PathState.POTENTIALLY_FAILED, 2),
                path(1, 10 * MTU, 0, 100_000),
                path(2, 10 * MTU, 0, 100_000).withState(PathState.INACTIVE, 6),
                path(3, 10 * MTU, 0, 100_000).withState(PathState.UNCONFIRMED, 0)));
        assertThat(send(new CmtScheduler(), paths, 3)).containsExactly(1, 1, 1);
    }

    @Test
    void withEveryPathPotentiallyFailedTheOneWithFewestErrorsCarriesTheData() {
        List<CmtPathSnapshot> paths = List.of(
                path(0, 10 * MTU, 0, 100_000).withState(PathState.POTENTIALLY_FAILED, 3),
                path(1, 10 * MTU, 0, 100_000).withState(PathState.POTENTIALLY_FAILED, 2),
                path(2, 10 * MTU, 0, 100_000).withState(PathState.INACTIVE, 0));
        assertThat(new CmtScheduler().nextPathForNewData(paths)).hasValue(1);
        assertThat(new CmtScheduler().pathForRetransmission(paths, 1)).hasValue(1);
    }

    @Test
    void onlyUnconfirmedPathsOrNoneGiveNoPath() {
        List<CmtPathSnapshot> unconfirmed = List.of(path(0, 10 * MTU, 0, 1).withState(PathState.UNCONFIRMED, 0));
        assertThat(new CmtScheduler().nextPathForNewData(unconfirmed)).isEmpty();
        assertThat(new CmtScheduler().pathForRetransmission(unconfirmed, 0)).isEmpty();
        assertThat(new CmtScheduler().nextPathForNewData(List.of())).isEmpty();
    }

    @Test
    void rtxSsthreshIsTheDefaultAndPicksTheLargestSsthreshEvenWithoutRoom() {
        List<CmtPathSnapshot> paths = List.of(path(0, 20 * MTU, 0, 8 * MTU), path(1, 4 * MTU, 4 * MTU, 30 * MTU));
        CmtScheduler scheduler = new CmtScheduler();
        assertThat(scheduler.retransmissionPolicy()).isEqualTo(RetransmissionPolicy.RTX_SSTHRESH);
        assertThat(scheduler.pathForRetransmission(paths, 0)).hasValue(1);
    }

    @Test
    void rtxCwndPicksTheLargestCwnd() {
        List<CmtPathSnapshot> paths = List.of(path(0, 20 * MTU, 0, 8 * MTU), path(1, 4 * MTU, 0, 30 * MTU));
        assertThat(new CmtScheduler(RetransmissionPolicy.RTX_CWND).pathForRetransmission(paths, 1)).hasValue(0);
    }

    @Test
    void onATieTheRetransmissionAvoidsThePathItWasLostOn() {
        List<CmtPathSnapshot> paths = List.of(path(0, 8 * MTU, 0, 8 * MTU), path(1, 8 * MTU, 0, 8 * MTU));
        assertThat(new CmtScheduler().pathForRetransmission(paths, 0)).hasValue(1);
        assertThat(new CmtScheduler().pathForRetransmission(paths, 1)).hasValue(0);
    }

    @Test
    void retransmissionsPreferAnActivePathToABetterLookingFailedOne() {
        List<CmtPathSnapshot> paths = List.of(
                path(0, 50 * MTU, 0, 50 * MTU).withState(PathState.POTENTIALLY_FAILED, 1),
                path(1, 2 * MTU, 0, 2 * MTU));
        assertThat(new CmtScheduler().pathForRetransmission(paths, 1)).hasValue(1);
    }
}
