package org.jsctp.core.rx;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/**
 * The receiver's side of Delayed Ack for CMT in {@link DataTracker} (draft-tuexen-tsvwg-sctp-
 * multipath section 3.3): reordering does not make a SACK due at once; every second packet still
 * does (RFC 9260 section 6.2), and so do duplicates.
 */
class DataTrackerDacTest {

    private static DataTracker tracker(boolean dac) {
        DataTracker t = new DataTracker(new Tsn(-1), 64, 16); // TSNs -1, 0, 1, ...: across the wrap
        t.setDelayOnReordering(dac);
        return t;
    }

    @Test
    void aGapIsReportedAtOnceWithoutDacAndWithTheNextPacketWithDac() {
        DataTracker plain = tracker(false);
        plain.observe(new Tsn(0)); // -1 missing: a gap
        plain.onDataPacketProcessed(false);
        assertThat(plain.isSackDueNow()).isTrue();

        DataTracker dac = tracker(true);
        dac.observe(new Tsn(0));
        dac.onDataPacketProcessed(false);
        assertThat(dac.isSackDueNow()).isFalse();
        assertThat(dac.isSackPending()).isTrue(); // the delayed-SACK timer runs
        dac.observe(new Tsn(-1)); // fills the gap
        assertThat(dac.isSackDueNow()).isFalse();
        dac.onDataPacketProcessed(false);
        assertThat(dac.isSackDueNow()).isTrue(); // the second packet (RFC 9260 section 6.2)
    }

    @Test
    void withDacADuplicateStillMakesTheSackDue() {
        DataTracker dac = tracker(true);
        dac.observe(new Tsn(-1));
        dac.onDataPacketProcessed(false);
        dac.createSack(1000, 16);
        assertThat(dac.isSackDueNow()).isFalse();
        dac.observe(new Tsn(-1));
        dac.onDataPacketProcessed(false);
        assertThat(dac.isSackDueNow()).isTrue(); // RFC 9260 section 6.2: duplicates reported at once
    }
}
