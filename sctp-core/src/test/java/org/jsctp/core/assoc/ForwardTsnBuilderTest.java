package org.jsctp.core.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.ForwardTsnChunk;
import org.jsctp.core.packet.chunk.ForwardTsnEntry;
import org.jsctp.core.packet.chunk.IForwardTsnChunk;
import org.jsctp.core.seq.Ssn;
import org.jsctp.core.seq.Tsn;
import org.junit.jupiter.api.Test;

/** A FORWARD TSN that fits its room (RFC 3758 section 3.5): the highest New Cumulative TSN whose entries fit. */
class ForwardTsnBuilderTest {

    /** Messages at TSNs cum+1.., one per stream, ordered; the TSNs wrap past 2^32 on the way. */
    private static List<ForwardTsnBuilder.Skipped> onePerStream(Tsn cum, int streams) {
        List<ForwardTsnBuilder.Skipped> out = new ArrayList<>();
        Tsn t = cum;
        for (int s = 0; s < streams; s++) {
            t = t.next();
            out.add(new ForwardTsnBuilder.Skipped(s, false, 7, t));
        }
        return out;
    }

    @Test
    void whenEverythingFitsTheChunkCarriesTheAdvancedPeerAckPoint() {
        Tsn cum = new Tsn(100);
        ForwardTsnChunk c = (ForwardTsnChunk) ForwardTsnBuilder.build(new Tsn(103), cum, onePerStream(cum, 3), false, 1000);

        assertThat(c.newCumulativeTsn()).isEqualTo(new Tsn(103));
        assertThat(c.entries()).containsExactly(new ForwardTsnEntry(0, new Ssn(7)), new ForwardTsnEntry(1, new Ssn(7)),
                new ForwardTsnEntry(2, new Ssn(7)));
    }

    @Test
    void withTooManyStreamsTheNewCumulativeTsnStopsAtTheLastMessageWhoseEntriesFit() {
        Tsn cum = new Tsn(-3); // wraps
        int room = 8 + 4 * 10; // ten entries
        ForwardTsnChunk c = (ForwardTsnChunk) ForwardTsnBuilder.build(new Tsn(-3 + 25), cum, onePerStream(cum, 25),
                false, room);

        assertThat(c.encodedLength()).isLessThanOrEqualTo(room);
        assertThat(c.entries()).hasSize(10).extracting(ForwardTsnEntry::streamId).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(c.newCumulativeTsn()).isEqualTo(new Tsn(-3 + 10));
    }

    @Test
    void unorderedMessagesNeedNoEntryAndDoNotHoldTheCumulativeTsnBack() {
        Tsn cum = new Tsn(0);
        List<ForwardTsnBuilder.Skipped> skipped = new ArrayList<>(onePerStream(cum, 2));
        skipped.add(new ForwardTsnBuilder.Skipped(5, true, 0, new Tsn(3)));
        skipped.add(new ForwardTsnBuilder.Skipped(6, true, 0, new Tsn(4)));
        ForwardTsnChunk c = (ForwardTsnChunk) ForwardTsnBuilder.build(new Tsn(4), cum, skipped, false, 8 + 4 * 2);

        assertThat(c.newCumulativeTsn()).isEqualTo(new Tsn(4));
        assertThat(c.entries()).hasSize(2);
    }

    @Test
    void iForwardTsnEntriesCountEightBytesEach() {
        Tsn cum = new Tsn(50);
        IForwardTsnChunk c = (IForwardTsnChunk) ForwardTsnBuilder.build(new Tsn(70), cum, onePerStream(cum, 20), true,
                8 + 8 * 5);

        assertThat(c.entries()).hasSize(5);
        assertThat(c.newCumulativeTsn()).isEqualTo(new Tsn(55));
        assertThat(c.encodedLength()).isLessThanOrEqualTo(8 + 8 * 5);
    }
}
