package org.jsctp.core.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes allocated, summed by the allocated type and the place that allocated it, and printed per
 * message as a Markdown table, largest first: the report of {@link AllocationSites}.
 */
final class AllocationTable {

    /** One type allocated at one place, with its total. */
    record Row(String type, String site, long bytes) { }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** Counts {@code bytes} of {@code type} allocated at {@code site}. */
    void add(String type, String site, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        rows.merge(type + '\n' + site, new Row(type, site, bytes), (a, b) -> new Row(a.type, a.site, a.bytes + b.bytes));
    }

    /** Every row, largest total first (ties in the order they were first seen). */
    List<Row> rows() {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingLong(Row::bytes).reversed());
        return sorted;
    }

    long totalBytes() {
        return rows.values().stream().mapToLong(Row::bytes).sum();
    }

    /**
     * The table per message: rows below {@code minimumPerMessage} bytes (the warm-up's leftovers,
     * the recorder's own) are summed in one "other" row, so the total stays the total.
     */
    String toMarkdown(long messages, double minimumPerMessage) {
        if (messages <= 0) {
            throw new IllegalArgumentException("messages must be positive: " + messages);
        }
        StringBuilder b = new StringBuilder("| B/message | type | allocated at |\n|---:|---|---|\n");
        long other = 0;
        for (Row r : rows()) {
            if (r.bytes / (double) messages < minimumPerMessage) {
                other += r.bytes;
            } else {
                b.append(String.format(Locale.ROOT, "| %.1f | %s | %s |%n", r.bytes / (double) messages, r.type, r.site));
            }
        }
        if (other > 0) {
            b.append(String.format(Locale.ROOT, "| %.1f | (other) | below %.1f B/message each |%n",
                    other / (double) messages, minimumPerMessage));
        }
        b.append(String.format(Locale.ROOT, "| **%.1f** | total | |%n", totalBytes() / (double) messages));
        return b.toString();
    }
}
