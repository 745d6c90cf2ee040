package org.jsctp.core.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the steady-state bulk transfer's garbage comes from (issue 6), exactly: every allocation
 * of {@link BackToBackTransfer}'s measured phase, by type and by the stack's own frame that made
 * it, per message. {@link SteadyStateAllocationTest} guards the total; this says what it is made
 * of, so the next round of work knows its targets.
 *
 * <p>It records JFR's {@code jdk.ObjectAllocationOutsideTLAB} event, which the JVM emits for every
 * allocation once thread-local allocation buffers are off ({@code -XX:-UseTLAB}); with them on,
 * JFR only samples, and its samples weigh large arrays far above small objects. Escape analysis
 * still runs, so what is counted is what the JIT could not remove. Run by
 * {@code mvn -B -q -pl sctp-core -Palloc test-compile exec:exec [-Dalloc.args="MESSAGES BURST"]}.
 */
public final class AllocationSites {

    private static final int WARM_UP_MESSAGES = 300_000;
    /** Rows below this many bytes per message are summed in one line. */
    private static final double SHOWN_FROM = 0.5;

    private AllocationSites() {
    }

    /**
     * Arguments: the number of measured messages (default 20,000) and how many are offered at a
     * time (default 1).
     */
    public static void main(String[] args) throws IOException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        if (messages <= 0 || burst <= 0 || messages % burst != 0) {
            throw new IllegalArgumentException("messages and burst must be positive, messages a multiple of burst");
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (!"false".equals(vm.getVMOption("UseTLAB").getValue())) {
            System.err.println("run with -XX:-UseTLAB: with TLABs on, JFR samples allocations instead of seeing each");
            System.exit(2);
        }
        BackToBackTransfer pair = BackToBackTransfer.defaults();
        pair.sendBursts(WARM_UP_MESSAGES / burst, burst); // the JIT compiles, and its escape analysis runs
        Path file = Files.createTempFile("allocation-sites", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.start();
            pair.sendBursts(messages / burst, burst);
            recording.stop();
            recording.dump(file);
        }
        AllocationTable table = new AllocationTable();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            table.add(javaName(e.getClass("objectClass").getName()), site(e), e.getLong("allocationSize"));
        }
        Files.delete(file);
        System.out.printf("%d messages of 1200 bytes, %d offered at a time, after %d of warm-up:%n%n",
                messages, burst, WARM_UP_MESSAGES);
        System.out.print(table.toMarkdown(messages, SHOWN_FROM));
    }

    /** JFR names arrays as the JVM does ({@code [B}, {@code [Ljava.lang.Object;}): as Java writes them. */
    static String javaName(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvmName;
        }
        String element = switch (jvmName.charAt(dims)) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> jvmName.substring(dims + 1, jvmName.length() - 1); // Lname;
        };
        return element + "[]".repeat(dims);
    }

    /** The first frame of this code base, and its caller: the place to change. */
    private static String site(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).getMethod().getType().getName().startsWith("org.jsctp.")) {
                String at = describe(frames.get(i));
                return i + 1 < frames.size() ? at + " ← " + describe(frames.get(i + 1)) : at;
            }
        }
        return frames.isEmpty() ? "(no frame)" : describe(frames.get(0)) + " (JDK only)";
    }

    private static String describe(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }
}
