package org.jsctp.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocationTableTest {

    @Test
    void sumsByTypeAndSiteAndSortsLargestFirst() {
        AllocationTable t = new AllocationTable();
        t.add("Small", "A.a:1", 16);
        t.add("Big", "B.b:2", 1000);
        t.add("Small", "A.a:1", 16);
        t.add("Small", "C.c:3", 16); // same type, another place: its own row
        assertThat(t.rows()).containsExactly(new AllocationTable.Row("Big", "B.b:2", 1000),
                new AllocationTable.Row("Small", "A.a:1", 32), new AllocationTable.Row("Small", "C.c:3", 16));
        assertThat(t.totalBytes()).isEqualTo(1048);
    }

    @Test
    void theTableIsPerMessageAndFoldsSmallRowsIntoOneWithoutLosingBytes() {
        AllocationTable t = new AllocationTable();
        t.add("byte[]", "T.toServer:211", 12_440);
        t.add("DataChunk", "SendQueue.produceChunk:258", 400);
        t.add("String", "Startup.x:1", 3);
        t.add("Object[]", "Startup.y:2", 2);
        String md = t.toMarkdown(10, 0.5);
        assertThat(md.lines()).containsExactly(
                "| B/message | type | allocated at |",
                "|---:|---|---|",
                "| 1244.0 | byte[] | T.toServer:211 |",
                "| 40.0 | DataChunk | SendQueue.produceChunk:258 |",
                "| 0.5 | (other) | below 0.5 B/message each |",
                "| **1284.5** | total | |");
    }

    @Test
    void arrayTypesAreNamedAsJavaWritesThem() {
        assertThat(AllocationSites.javaName("[B")).isEqualTo("byte[]");
        assertThat(AllocationSites.javaName("[[J")).isEqualTo("long[][]");
        assertThat(AllocationSites.javaName("[Ljava.lang.Object;")).isEqualTo("java.lang.Object[]");
        assertThat(AllocationSites.javaName("org.jsctp.core.packet.SctpPacket")).isEqualTo("org.jsctp.core.packet.SctpPacket");
    }

    @Test
    void badInputIsRefused() {
        AllocationTable t = new AllocationTable();
        assertThatThrownBy(() -> t.add("X", "s", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.toMarkdown(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
