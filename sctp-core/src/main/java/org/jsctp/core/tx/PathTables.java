package org.jsctp.core.tx;

/**
 * How a table indexed by path id grows (issue 6, idle heap): it starts with room for one path and
 * is made longer only when a higher path id is first used, doubling up to the association's
 * number of paths, so a single-homed association never holds a table sized for all of them.
 */
public final class PathTables {

    private PathTables() {
    }

    /**
     * {@return the length a table of {@code length} entries grows to so that {@code pathId} fits:
     * twice as long, at most {@code maxPaths}, and never shorter than {@code pathId + 1}}
     *
     * @param length the table's length now (at most {@code pathId})
     * @param pathId the path id that must fit
     * @param maxPaths the number of path ids the association can use
     */
    public static int grownLength(int length, int pathId, int maxPaths) {
        return Math.max(pathId + 1, Math.min(2 * length, maxPaths));
    }
}
