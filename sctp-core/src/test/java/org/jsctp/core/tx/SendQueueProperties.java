package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jsctp.core.packet.Bytes;

/**
 * Random offers, produces, expiries, pauses, resets and abandonments against a plain model: every
 * accepted message comes out exactly once and intact (reassembled by stream and SSN or MID), or is
 * reported abandoned; sequence numbers are consecutive per stream; the byte count always matches.
 */
class SendQueueProperties {

    private static final int STREAMS = 4;
    /** One more than the streams used, so that some offers name an invalid stream. */
    private static final int OUTBOUND = STREAMS + 1;
    private static final int MAX_BUFFERED = 3000;
    private static final int MAX_MESSAGE = 1500;

    /** What the model knows about one accepted message. */
    private static final class Entry {
        final OutgoingMessage message;
        final long order;
        int produced;
        boolean done;
        boolean abandoned;
        int sequence = -1;
        int nextFsn;
        final ByteArrayOutputStream reassembled = new ByteArrayOutputStream();

        Entry(OutgoingMessage message, long order) {
            this.message = message;
            this.order = order;
        }

        int size() {
            return message.payload().length();
        }

        boolean queued() {
            return !done && !abandoned;
        }

        boolean started() {
            return produced > 0;
        }
    }

    /** The model of the queue plus the checks applied to each produced fragment. */
    private static final class Model {
        final boolean interleaved;
        final boolean fcfs;
        final List<Entry> entries = new ArrayList<>();
        final Map<OutgoingMessage, Entry> byMessage = new IdentityHashMap<>();
        final boolean[] paused = new boolean[OUTBOUND];
        final int[] nextSsn = new int[OUTBOUND];
        final int[] nextOrderedMid = new int[OUTBOUND];
        final int[] nextUnorderedMid = new int[OUTBOUND];
        /** Open messages by their reassembly key: stream and SSN (DATA) or stream, U bit and MID (I-DATA). */
        final Map<String, Entry> reassembly = new HashMap<>();
        Entry openData;
        long nextOrder;
        int fragments;

        Model(boolean interleaved, boolean fcfs) {
            this.interleaved = interleaved;
            this.fcfs = fcfs;
        }

        long buffered() {
            long sum = 0;
            for (Entry e : entries) {
                if (e.queued()) {
                    sum += e.size() - e.produced;
                }
            }
            return sum;
        }

        int queuedCount() {
            int n = 0;
            for (Entry e : entries) {
                n += e.queued() ? 1 : 0;
            }
            return n;
        }

        Entry headOf(int stream) {
            for (Entry e : entries) {
                if (e.queued() && e.message.streamId() == stream) {
                    return e;
                }
            }
            return null;
        }

        boolean schedulable(int stream) {
            Entry head = headOf(stream);
            return head != null && (!paused[stream] || head.started());
        }

        boolean hasPartial(int stream) {
            Entry head = headOf(stream);
            return head != null && head.started();
        }

        SendQueue.OfferResult expectedOffer(OutgoingMessage m) {
            int size = m.payload().length();
            if (m.streamId() >= OUTBOUND) {
                return SendQueue.OfferResult.INVALID_STREAM;
            }
            if (size == 0) {
                return SendQueue.OfferResult.EMPTY_MESSAGE;
            }
            if (size > MAX_MESSAGE) {
                return SendQueue.OfferResult.TOO_LARGE;
            }
            if (buffered() + size > MAX_BUFFERED) {
                return SendQueue.OfferResult.REFUSED_BUFFER_FULL;
            }
            return SendQueue.OfferResult.ACCEPTED;
        }

        void accepted(OutgoingMessage m) {
            Entry e = new Entry(m, nextOrder++);
            entries.add(e);
            byMessage.put(m, e);
        }

        void checkNothingSendable() {
            for (int s = 0; s < OUTBOUND; s++) {
                assertThat(schedulable(s)).as("stream %d has sendable data but produce returned null", s).isFalse();
            }
        }

        void check(OutgoingFragment f, int max) {
            fragments++;
            Entry e = byMessage.get(f.message());
            assertThat(e).as("fragment of an unknown message").isNotNull();
            assertThat(e.queued()).as("fragment of a finished or abandoned message").isTrue();
            int stream = e.message.streamId();
            assertThat(f.streamId()).isEqualTo(stream);
            assertThat(f.ppid()).isEqualTo(e.message.ppid());
            assertThat(f.unordered()).isEqualTo(e.message.unordered());
            assertThat(f.interleaved()).isEqualTo(interleaved);
            assertThat(headOf(stream)).as("messages of a stream leave in offer order").isSameAs(e);
            boolean continuing = !interleaved && openData != null;
            if (continuing) {
                assertThat(e).as("RFC 9260 section 6.9: a DATA message's fragments are consecutive").isSameAs(openData);
            } else {
                assertThat(schedulable(stream)).as("stream %d chosen while paused", stream).isTrue();
                if (fcfs) {
                    for (int s = 0; s < OUTBOUND; s++) {
                        if (schedulable(s)) {
                            assertThat(headOf(s).order).as("FCFS takes the oldest message").isGreaterThanOrEqualTo(e.order);
                        }
                    }
                }
            }
            int remaining = e.size() - e.produced;
            int length = f.payload().length();
            assertThat(length).isEqualTo(Math.min(max, remaining));
            assertThat(f.payload()).isEqualTo(e.message.payload().slice(e.produced, length));
            assertThat(f.beginning()).isEqualTo(e.produced == 0);
            assertThat(f.ending()).isEqualTo(length == remaining);

            if (f.beginning()) {
                e.sequence = expectedSequence(e.message);
            }
            String key;
            if (interleaved) {
                assertThat(f.ssn()).isNull();
                assertThat(f.mid().value()).isEqualTo(e.sequence);
                assertThat(f.fsn().value()).isEqualTo(e.nextFsn++);
                key = stream + (e.message.unordered() ? "u" : "o") + f.mid();
            } else {
                assertThat(f.mid()).isNull();
                assertThat(f.fsn()).isNull();
                assertThat(f.ssn().value()).isEqualTo(e.sequence);
                key = stream + "/" + f.ssn();
            }
            Entry byKey = f.beginning() ? e : reassembly.get(key);
            assertThat(byKey).as("reassembly by %s finds the fragment's message", key).isSameAs(e);
            if (f.beginning() && !f.ending()) {
                assertThat(reassembly.put(key, e)).as("two open messages share %s", key).isNull();
            }
            byte[] bytes = f.payload().toByteArray();
            e.reassembled.write(bytes, 0, bytes.length);
            e.produced += length;
            openData = interleaved || f.ending() ? null : e;
            if (f.ending()) {
                reassembly.remove(key);
                assertThat(Bytes.wrap(e.reassembled.toByteArray())).isEqualTo(e.message.payload());
                e.done = true;
            }
        }

        private int expectedSequence(OutgoingMessage m) {
            int s = m.streamId();
            if (interleaved) {
                return m.unordered() ? nextUnorderedMid[s]++ : nextOrderedMid[s]++;
            }
            if (m.unordered()) {
                return 0;
            }
            int ssn = nextSsn[s];
            nextSsn[s] = (ssn + 1) & 0xFFFF;
            return ssn;
        }

        List<OutgoingMessage> expectedExpired(long now) {
            List<OutgoingMessage> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.queued() && !e.started() && e.message.isExpiredAt(now)) {
                    out.add(e.message);
                }
            }
            return out;
        }

        void reset(int stream) {
            nextSsn[stream] = 0;
            nextOrderedMid[stream] = 0;
            nextUnorderedMid[stream] = 0;
        }
    }

    @Property(tries = 400)
    void everyMessageComesOutOnceIntactOrIsReportedAbandoned(
            @ForAll @Size(max = 250) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> ops,
            @ForAll boolean interleaved, @ForAll boolean roundRobin) {
        StreamScheduler scheduler = roundRobin ? new RoundRobinScheduler() : new FcfsScheduler();
        SendQueue q = new SendQueue(OUTBOUND, MAX_BUFFERED, MAX_MESSAGE, scheduler);
        Model model = new Model(interleaved, !roundRobin);
        long now = 0;
        for (int v : ops) {
            now += 3;
            int arg = v / 20;
            switch (v % 20) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                    int stream = arg % (OUTBOUND + 1); // OUTBOUND itself is invalid
                    int size = (arg / 6) % 1600;
                    boolean unordered = (arg / 9600) % 3 == 0;
                    long expiry = (arg / 28800) % 4 == 0 ? now + (arg / 115200) % 40 : OutgoingMessage.NEVER;
                    byte[] payload = new byte[size];
                    for (int i = 0; i < size; i++) {
                        payload[i] = (byte) (v + i * 7);
                    }
                    OutgoingMessage m = new OutgoingMessage(Math.min(stream, 0xFFFF), v, unordered,
                            Bytes.wrap(payload), expiry, OutgoingMessage.UNLIMITED, null);
                    SendQueue.OfferResult expected = model.expectedOffer(m);
                    assertThat(q.offer(m, now)).isEqualTo(expected);
                    if (expected == SendQueue.OfferResult.ACCEPTED) {
                        model.accepted(m);
                    }
                }
                case 8, 9, 10, 11, 12, 13, 14 -> produceOne(q, model, now, 1 + arg % 250);
                case 15 -> assertThat(abandon(q, model, now)).isTrue();
                case 16, 17 -> {
                    int stream = arg % OUTBOUND;
                    boolean pause = v % 20 == 16;
                    if (pause) {
                        q.pauseStreams(new int[] {stream});
                    } else {
                        q.resumeStreams(new int[] {stream});
                    }
                    model.paused[stream] = pause;
                    assertThat(q.isPaused(stream)).isEqualTo(pause);
                }
                case 18 -> {
                    int stream = arg % OUTBOUND;
                    assertThat(q.hasPartialMessage(stream)).isEqualTo(model.hasPartial(stream));
                    if (model.hasPartial(stream)) {
                        assertThatThrownBy(() -> q.resetStreams(new int[] {stream}))
                                .isInstanceOf(IllegalStateException.class);
                    } else {
                        q.resetStreams(new int[] {stream});
                        model.reset(stream);
                    }
                }
                default -> {
                    List<Entry> partial = new ArrayList<>();
                    for (Entry e : model.entries) {
                        if (e.queued() && e.started()) {
                            partial.add(e);
                        }
                    }
                    if (!model.entries.isEmpty()) {
                        Entry other = model.entries.get(arg % model.entries.size());
                        if (!(other.queued() && other.started())) {
                            assertThat(q.abandonRemainder(other.message)).isFalse();
                        }
                    }
                    if (!partial.isEmpty()) {
                        Entry e = partial.get(arg % partial.size());
                        assertThat(q.abandonRemainder(e.message)).isTrue();
                        e.abandoned = true;
                        if (model.openData == e) {
                            model.openData = null;
                        }
                        model.reassembly.values().remove(e);
                    }
                }
            }
            checkCounters(q, model);
        }
        q.resumeStreams(new int[] {0, 1, 2, 3, 4});
        Arrays.fill(model.paused, false);
        while (produceOne(q, model, now, 1000)) {
            checkCounters(q, model);
        }
        checkCounters(q, model);
        assertThat(q.isEmpty()).isTrue();
        for (Entry e : model.entries) {
            assertThat(e.done || e.abandoned).as("message %s neither delivered nor abandoned", e.order).isTrue();
        }
    }

    /** Starting from stream 0 numbering near the wraps, sequence numbers stay consecutive across them. */
    @Property(tries = 100)
    void numberingStaysConsecutiveAcrossTheWrap(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1000) Integer> sizes,
            @ForAll boolean interleaved, @ForAll @IntRange(min = 1, max = 300) int max) {
        SendQueue q = new SendQueue(1, 100_000, new FcfsScheduler());
        q.setNextSequenceNumbers(0, 65_536 - 20, -20, -30);
        Model model = new Model(interleaved, true);
        model.nextSsn[0] = 65_536 - 20;
        model.nextOrderedMid[0] = -20;
        model.nextUnorderedMid[0] = -30;
        for (int size : sizes) {
            OutgoingMessage m = OutgoingMessage.of(0, size, size % 3 == 0, Bytes.wrap(new byte[size + 1]));
            assertThat(q.offer(m, 0)).isEqualTo(SendQueue.OfferResult.ACCEPTED);
            model.accepted(m);
        }
        while (produceOne(q, model, 0, max)) {
            checkCounters(q, model);
        }
        assertThat(q.isEmpty()).isTrue();
    }

    private static boolean produceOne(SendQueue q, Model model, long now, int max) {
        OutgoingFragment f = q.produce(now, max, model.interleaved);
        if (f == null) {
            model.checkNothingSendable();
            return false;
        }
        model.check(f, max);
        return true;
    }

    private static boolean abandon(SendQueue q, Model model, long now) {
        List<OutgoingMessage> expected = model.expectedExpired(now);
        List<OutgoingMessage> actual = q.abandonExpired(now);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (actual.get(i) != expected.get(i)) {
                fail("abandoned %s, expected %s", actual, expected);
            }
            model.byMessage.get(expected.get(i)).abandoned = true;
        }
        return true;
    }

    private static void checkCounters(SendQueue q, Model model) {
        q.checkInvariants();
        assertThat(q.bufferedBytes()).isEqualTo(model.buffered());
        assertThat(q.queuedMessages()).isEqualTo(model.queuedCount());
        assertThat(q.isEmpty()).isEqualTo(model.queuedCount() == 0);
        assertThat(q.bufferedBytes() + q.availableBytes()).isIn((long) MAX_BUFFERED, 100_000L);
        assertThat(q.availableBytes()).isNotNegative();
    }
}
