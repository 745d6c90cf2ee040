package org.jsctp.core.path;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The destination transport addresses of the peer, one {@link Path} each (RFC 9260 sections 5.1.2
 * and 5.4), and the choice among them of where DATA goes (section 6.4, with the Potentially Failed
 * state of RFC 7829 section 5).
 *
 * <p>An association that was given no peer addresses has one <em>anonymous</em> path, whose
 * {@link #addressOf address} is null: the transport knows where the peer is. Path ids are the
 * indices in {@link #all()}, the identifiers {@code OutstandingData} keeps per chunk.
 *
 * <h2>Selection (RFC 9260 section 6.4 and 6.4.1, RFC 7829 section 5)</h2>
 * New data goes to the primary path while it is active; else to an active alternate (failover),
 * preferring the one after the primary in the order the addresses were learnt; with none active,
 * to a Potentially Failed path (the one with the fewest errors, RFC 7829 section 5.1 step 4);
 * with none of those either, to the primary (section 6.4.1: keep trying it). Unconfirmed paths never
 * carry DATA (section 5.4). Retransmissions go to an active path other than the one the chunk was
 * last sent on when there is one (section 6.4: "SHOULD ... different destination").
 */
public final class PathSet {

    /** Stands for the peer's address on the anonymous path: the transport knows it. */
    private static final Object ANONYMOUS = "anonymous path";

    private final PathConfig config;
    private final int maxPaths;
    private final List<Path> paths = new ArrayList<>(2);
    private final List<Path> view = Collections.unmodifiableList(paths);
    /** Ids of the paths whose address the peer deleted (RFC 5061 section 5.3); ids stay, the paths are unused. */
    private final java.util.BitSet removed = new java.util.BitSet();
    private int primary;

    /**
     * An empty set.
     *
     * @param config the parameters every path gets
     * @param maxPaths the most paths (peer addresses) accepted, at least 1
     */
    public PathSet(PathConfig config, int maxPaths) {
        if (maxPaths < 1) {
            throw new IllegalArgumentException("maxPaths must be at least 1: " + maxPaths);
        }
        this.config = config;
        this.maxPaths = maxPaths;
    }

    /**
     * Adds the anonymous path of an association given no addresses.
     *
     * @return the path
     * @throws IllegalStateException if the set is not empty
     */
    public Path addAnonymous() {
        if (!paths.isEmpty()) {
            throw new IllegalStateException("the anonymous path must be the only one");
        }
        Path p = new Path(0, ANONYMOUS, config);
        paths.add(p);
        return p;
    }

    /**
     * Adds a peer address, unconfirmed, unless it is known already or the set is full.
     *
     * @param address a literal address
     * @return the path of the address (the existing one if known), or null if the set is full or anonymous
     */
    public Path add(InetAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        Path known = find(address);
        if (known != null) {
            return known;
        }
        if (paths.size() >= maxPaths || isAnonymous()) {
            return null;
        }
        Path p = new Path(paths.size(), address, config);
        paths.add(p);
        return p;
    }

    /** {@return whether this is the single anonymous path of an association given no addresses} */
    public boolean isAnonymous() {
        return paths.size() == 1 && paths.get(0).address() == ANONYMOUS;
    }

    /** {@return whether the peer has more than one address here (multi-homing: failover and RFC 7829 apply)} */
    public boolean isMultiHomed() {
        return inUse() > 1;
    }

    /**
     * {@return the path of {@code address}, or null when it is not a known peer address}
     *
     * @param address a peer address
     */
    public Path find(InetAddress address) {
        if (address == null) {
            return null;
        }
        for (Path p : paths) {
            if (address.equals(p.address()) && !removed.get(p.id())) {
                return p;
            }
        }
        return null;
    }

    /**
     * Takes the path of an address the peer deleted out of use (RFC 5061 section 5.2 and 5.3):
     * {@link #find} no longer sees it, it is not chosen for data, and its id is not reused (so
     * what {@code OutstandingData} keeps per path id stays valid). The primary is moved first.
     *
     * @throws IllegalArgumentException if it is the last path in use
     * @param path one of this set's paths
     */
    public void remove(Path path) {
        if (inUse() <= 1) {
            throw new IllegalArgumentException("the last path cannot be removed: " + path);
        }
        removed.set(path.id());
        if (primary == path.id()) {
            for (Path q : paths) {
                if (!removed.get(q.id())) {
                    primary = q.id();
                    break;
                }
            }
        }
    }

    /**
     * {@return whether the path's address was removed from the association ({@link #remove})}
     *
     * @param path one of this set's paths
     */
    public boolean isRemoved(Path path) {
        return removed.get(path.id());
    }

    /** {@return the number of paths not removed} */
    public int inUse() {
        return paths.size() - removed.cardinality();
    }

    /**
     * {@return the path with this id}
     *
     * @param id a path id from this set
     */
    public Path get(int id) {
        return paths.get(id);
    }

    /** {@return all paths, in the order they were added (their ids)} */
    public List<Path> all() {
        return view;
    }

    /** {@return the number of paths} */
    public int size() {
        return paths.size();
    }

    /** {@return the largest number of paths this set takes} */
    public int maxPaths() {
        return maxPaths;
    }

    /**
     * {@return the peer address of a path, or null for the anonymous path}
     *
     * @param path a path
     */
    public static InetAddress addressOf(Path path) {
        return path.address() instanceof InetAddress a ? a : null;
    }

    /** {@return the peer addresses, in path id order (empty for the anonymous path)} */
    public List<InetAddress> addresses() {
        List<InetAddress> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            InetAddress a = addressOf(p);
            if (a != null && !removed.get(p.id())) {
                out.add(a);
            }
        }
        return out;
    }

    /** {@return the primary path (RFC 9260 section 6.4)} */
    public Path primary() {
        return paths.get(primary);
    }

    /**
     * Makes {@code path}, one of this set's, the primary path.
     *
     * @param path one of this set's paths, not removed
     */
    public void setPrimary(Path path) {
        if (path.id() >= paths.size() || paths.get(path.id()) != path || removed.get(path.id())) {
            throw new IllegalArgumentException("not a path of this set: " + path);
        }
        primary = path.id();
    }

    /**
     * {@return where new DATA goes now (see the class documentation): the primary if active, else an
     * active alternate, else the Potentially Failed path with the fewest errors, else the primary}
     * Never an unconfirmed path, unless nothing else exists (the caller then sends no DATA).
     */
    public Path dataPath() {
        Path p = primary();
        if (p.state() == PathState.ACTIVE) {
            return p;
        }
        Path alternate = activeOtherThan(p);
        if (alternate != null) {
            return alternate; // RFC 9260 section 6.4.1: fail over to an active alternate
        }
        Path bestPf = null;
        for (Path q : paths) {
            if (q.state() == PathState.POTENTIALLY_FAILED && !removed.get(q.id())
                    && (bestPf == null || q.errorCount() < bestPf.errorCount())) {
                bestPf = q; // RFC 7829 section 5.1 step 4: the PF path with the fewest errors
            }
        }
        if (bestPf != null) {
            return bestPf;
        }
        if (p.isConfirmed()) {
            return p; // RFC 9260 section 6.4.1: all inactive, keep using the primary
        }
        for (Path q : paths) {
            if (q.isConfirmed() && !removed.get(q.id())) {
                return q;
            }
        }
        return p;
    }

    /**
     * {@return where a retransmission of a chunk last sent on {@code lastSent} goes (RFC 9260 section 6.4:
     * to a different active destination when there is one, else where new data goes)}
     *
     * @param lastSent the path the chunk was last sent on
     */
    public Path retransmissionPath(Path lastSent) {
        Path alternate = lastSent == null ? null : activeOtherThan(lastSent);
        if (alternate != null) {
            Path data = dataPath();
            // Prefer the data path when it is an active alternate itself.
            return data != lastSent && data.state() == PathState.ACTIVE ? data : alternate;
        }
        return dataPath();
    }

    /** The first active path other than {@code p}, searching from the one after it, or null. */
    private Path activeOtherThan(Path p) {
        int n = paths.size();
        for (int i = 1; i < n; i++) {
            Path q = paths.get((p.id() + i) % n);
            if (q.state() == PathState.ACTIVE && !removed.get(q.id())) {
                return q;
            }
        }
        return null;
    }
}
