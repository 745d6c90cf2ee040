package org.jsctp.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTablesTest {

    @Test
    void aTableDoublesUpToTheNumberOfPathsAndAlwaysFitsThePathId() {
        assertThat(PathTables.grownLength(1, 1, 16)).isEqualTo(2);
        assertThat(PathTables.grownLength(2, 2, 16)).isEqualTo(4);
        assertThat(PathTables.grownLength(8, 9, 10)).isEqualTo(10); // capped at the number of paths
        assertThat(PathTables.grownLength(1, 5, 16)).isEqualTo(6); // a jump past the double
    }
}
