package org.jsctp.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jsctp.core.env.SeededRandomSource;
import org.junit.jupiter.api.Test;

/** {@link PathSet}: one path per peer address and the choice of destination (RFC 9260 section 6.4, RFC 7829). */
class PathSetTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    /** Path.Max.Retrans 2. */
    private static final PathConfig CONFIG = new PathConfig(S, 100 * MS, 60 * S, 2, 30 * S, 1452, 4);
    private static final InetAddress A = ip("192.0.2.1");
    private static final InetAddress B = ip("198.51.100.1");
    private static final InetAddress C = ip("2001:db8::1");

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private final PathSet set = new PathSet(CONFIG, 3);

    private Path confirmed(InetAddress address) {
        Path p = set.add(address);
        p.confirm();
        p.start(0, new SeededRandomSource(1));
        return p;
    }

    private static void fail(Path p, int timeouts) {
        for (int i = 0; i < timeouts; i++) {
            p.onRetransmissionTimeout();
        }
    }

    @Test
    void pathsGetIdsInOrderAndAnAddressIsAddedOnce() {
        Path a = set.add(A);
        Path b = set.add(B);
        assertThat(set.add(A)).isSameAs(a);
        assertThat(a.id()).isZero();
        assertThat(b.id()).isEqualTo(1);
        assertThat(set.addresses()).containsExactly(A, B);
        assertThat(set.find(B)).isSameAs(b);
        assertThat(set.find(C)).isNull();
        assertThat(set.find(null)).isNull();
        assertThat(set.isMultiHomed()).isTrue();
        assertThat(set.primary()).isSameAs(a); // the first address is the primary
    }

    @Test
    void theSetIsBoundedAndTheAnonymousPathStandsAlone() {
        set.add(A);
        set.add(B);
        set.add(C);
        assertThat(set.add(ip("203.0.113.9"))).isNull();
        assertThat(set.size()).isEqualTo(3);
        PathSet anonymous = new PathSet(CONFIG, 3);
        Path only = anonymous.addAnonymous();
        assertThat(anonymous.isAnonymous()).isTrue();
        assertThat(PathSet.addressOf(only)).isNull();
        assertThat(anonymous.addresses()).isEmpty();
        assertThat(anonymous.add(A)).isNull();
        assertThatThrownBy(set::addAnonymous).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PathSet(CONFIG, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newDataGoesToThePrimaryWhileItIsActive() {
        Path a = confirmed(A);
        confirmed(B);
        assertThat(set.dataPath()).isSameAs(a);
    }

    @Test
    void anInactivePrimaryFailsOverToAnActiveAlternate() {
        Path a = confirmed(A);
        Path b = confirmed(B);
        fail(a, 3); // exceeds Path.Max.Retrans 2
        assertThat(a.state()).isEqualTo(PathState.INACTIVE);
        assertThat(set.dataPath()).isSameAs(b); // RFC 9260 section 6.4.1
        assertThat(set.primary()).isSameAs(a); // the primary itself stays
    }

    @Test
    void unconfirmedAlternatesAreNeverChosenForData() {
        Path a = confirmed(A);
        set.add(B).start(0, new SeededRandomSource(2)); // learnt, unconfirmed
        fail(a, 3);
        assertThat(set.dataPath()).isSameAs(a); // all confirmed paths inactive: keep the primary (6.4.1)
        assertThat(set.retransmissionPath(a)).isSameAs(a);
    }

    @Test
    void aPotentiallyFailedPrimaryGivesWayToAnActiveAlternateAndIsUsedWhenNothingElseIs() {
        Path a = confirmed(A);
        Path b = confirmed(B);
        a.setPotentiallyFailedThreshold(0);
        b.setPotentiallyFailedThreshold(0);
        fail(a, 1);
        assertThat(a.state()).isEqualTo(PathState.POTENTIALLY_FAILED);
        assertThat(set.dataPath()).isSameAs(b); // RFC 7829 section 5.1
        fail(b, 2);
        // both PF: the one with the fewer errors (RFC 7829 section 5.1 step 4)
        assertThat(set.dataPath()).isSameAs(a);
    }

    @Test
    void retransmissionsGoToAnotherActivePathWhenThereIsOne() {
        Path a = confirmed(A);
        Path b = confirmed(B);
        Path c = confirmed(C);
        assertThat(set.retransmissionPath(a)).isSameAs(b); // RFC 9260 section 6.4
        assertThat(set.retransmissionPath(b)).isSameAs(a); // the data path, being another active one
        fail(b, 3);
        assertThat(set.retransmissionPath(a)).isSameAs(c);
        assertThat(set.retransmissionPath(null)).isSameAs(a);
    }

    @Test
    void setPrimaryMovesNewData() {
        confirmed(A);
        Path b = confirmed(B);
        set.setPrimary(b);
        assertThat(set.primary()).isSameAs(b);
        assertThat(set.dataPath()).isSameAs(b);
        Path foreign = new Path(0, A, CONFIG);
        assertThatThrownBy(() -> set.setPrimary(foreign)).isInstanceOf(IllegalArgumentException.class);
    }
}
