package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.rx.ReceivedMessage;
import org.junit.jupiter.api.Test;

class MessageJoinerTest {

    private static final Object A = "association a";
    private static final Object B = "association b";

    private final MessageJoiner joiner = new MessageJoiner(10);

    private static AssociationEvent piece(int stream, long seq, String data, long tsn, boolean complete) {
        return new AssociationEvent.MessageReceived(new ReceivedMessage(stream, false, false, seq, 51,
                Bytes.wrap(data.getBytes()), tsn, tsn, complete));
    }

    private static String text(ReceivedMessage m) {
        return m == null ? null : new String(m.payload().toByteArray());
    }

    @Test
    void aWholeMessagePassesThrough() {
        AssociationEvent e = piece(0, 0, "whole", 1, true);
        assertThat(joiner.onEvent(A, e)).isSameAs(((AssociationEvent.MessageReceived) e).message());
    }

    @Test
    void piecesAreJoinedPerAssociationAndStreamWhenTheLastArrives() {
        assertThat(joiner.onEvent(A, piece(0, 4, "ab", 1, false))).isNull();
        assertThat(joiner.onEvent(B, piece(0, 9, "xy", 1, false))).isNull();
        assertThat(text(joiner.onEvent(A, piece(1, 0, "other", 3, true)))).isEqualTo("other");
        assertThat(joiner.onEvent(A, piece(0, 4, "cd", 2, false))).isNull();
        ReceivedMessage m = joiner.onEvent(A, piece(0, 4, "e", 4, true));
        assertThat(text(m)).isEqualTo("abcde");
        assertThat(m.sequenceNumber()).isEqualTo(4);
        assertThat(m.firstTsn()).isEqualTo(1);
        assertThat(m.lastTsn()).isEqualTo(4);
        assertThat(m.complete()).isTrue();
        assertThat(text(joiner.onEvent(B, piece(0, 9, "z", 2, true)))).isEqualTo("xyz");
        assertThat(joiner.pending()).isZero();
    }

    @Test
    void aMessageLongerThanTheBoundIsDroppedWhole() {
        assertThat(joiner.onEvent(A, piece(0, 0, "123456", 1, false))).isNull();
        assertThat(joiner.onEvent(A, piece(0, 0, "789012", 2, false))).isNull();
        assertThat(joiner.onEvent(A, piece(0, 0, "3", 3, true))).isNull();
        assertThat(joiner.onEvent(A, piece(0, 1, "12345678901", 4, true))).isNull();
        assertThat(text(joiner.onEvent(A, piece(0, 2, "next", 5, true)))).isEqualTo("next");
    }

    @Test
    void anAbortedPartialDeliveryOrAnEndedAssociationIsForgotten() {
        joiner.onEvent(A, piece(0, 0, "ab", 1, false));
        joiner.onEvent(A, new AssociationEvent.PartialDeliveryAborted(0, false, 0));
        assertThat(text(joiner.onEvent(A, piece(0, 1, "new", 5, true)))).isEqualTo("new");
        joiner.onEvent(B, piece(2, 0, "ab", 1, false));
        joiner.onEvent(B, new AssociationEvent.CommunicationLost("gone", List.of()));
        assertThat(joiner.pending()).isZero();
    }
}
