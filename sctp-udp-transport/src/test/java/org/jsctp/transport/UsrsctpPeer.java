package org.jsctp.transport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Our scriptable usrsctp peer ({@code src/test/c/usrsctp_peer.c}) as a child process: compiled
 * with gcc once per JVM (and only when the source is newer than the binary), fed commands on
 * stdin, its stdout lines collected so a test can wait for one. See docs/INTEROP.md for its
 * commands and output lines.
 */
final class UsrsctpPeer implements AutoCloseable {

    static final long TIMEOUT_S = Endpoints.TIMEOUT_S;
    private static final Path SOURCE = Path.of("src", "test", "c", "usrsctp_peer.c");
    private static final Path BINARY = Path.of("target", "usrsctp-peer", "usrsctp_peer");
    private static final Path HEADER = Path.of("/usr/include/usrsctp.h");

    private static Path built;

    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private UsrsctpPeer(Process process, Path log) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(() -> collect(log), "usrsctp-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Compiles the peer if needed and returns the binary. Without gcc or libusrsctp-dev the test
     * is skipped with the reason, or fails under CI ({@code CI=true}); a compile error fails it.
     */
    static synchronized Path binary() throws IOException, InterruptedException {
        String missing = !onPath("gcc") ? "gcc"
                : !Files.isRegularFile(HEADER) ? "libusrsctp-dev (" + HEADER + ")" : null;
        if (missing != null) {
            String why = missing + " missing: cannot build the usrsctp peer (install gcc libc6-dev libusrsctp-dev)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        if (built == null) {
            if (!Files.exists(BINARY)
                    || Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(SOURCE)) < 0) {
                compile();
            }
            built = BINARY.toAbsolutePath();
        }
        return built;
    }

    private static void compile() throws IOException, InterruptedException {
        Files.createDirectories(BINARY.getParent());
        Path tmp = BINARY.resolveSibling(BINARY.getFileName() + ".tmp");
        Path log = BINARY.resolveSibling("gcc.log");
        Process gcc = new ProcessBuilder("gcc", "-std=c11", "-O1", "-Wall", "-Wextra", "-o", tmp.toString(),
                SOURCE.toString(), "-lusrsctp").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!gcc.waitFor(2, TimeUnit.MINUTES) || gcc.exitValue() != 0) {
            gcc.destroyForcibly();
            Assertions.fail("compiling " + SOURCE + " failed:\n" + Files.readString(log));
        }
        Files.move(tmp, BINARY, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A peer that listens on SCTP port {@code sctpPort}; wait for {@code READY} before connecting. */
    static UsrsctpPeer listen(Path log, int localUdpPort, int remoteUdpPort, int sctpPort) throws Exception {
        return start(log, "listen", Integer.toString(localUdpPort), Integer.toString(remoteUdpPort),
                Integer.toString(sctpPort));
    }

    /** A peer that connects to {@code remoteAddress}, SCTP port {@code sctpPort}, at once. */
    static UsrsctpPeer connect(Path log, int localUdpPort, int remoteUdpPort, String remoteAddress, int sctpPort)
            throws Exception {
        return start(log, "connect", Integer.toString(localUdpPort), Integer.toString(remoteUdpPort), remoteAddress,
                Integer.toString(sctpPort));
    }

    /**
     * As {@link #listen(Path, int, int, int)} with extra environment variables, e.g. the RFC 8260
     * ones of the program's header comment ({@code USRSCTP_PEER_IDATA}, {@code USRSCTP_PEER_SCHEDULER}).
     */
    static UsrsctpPeer listen(Path log, java.util.Map<String, String> environment, int localUdpPort, int remoteUdpPort,
                              int sctpPort) throws Exception {
        return start(log, environment, "listen", Integer.toString(localUdpPort), Integer.toString(remoteUdpPort),
                Integer.toString(sctpPort));
    }

    /**
     * The peer run inside network namespace {@code netns} ({@code ip netns exec}), with extra
     * environment (e.g. {@code USRSCTP_PEER_BIND}); {@code args} as for the program.
     */
    static UsrsctpPeer startIn(String netns, Path log, java.util.Map<String, String> environment, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", netns, binary().toString()));
        command.addAll(List.of(args));
        return spawn(log, command, environment);
    }

    /**
     * Any line-driven child process (e.g. our side of a test in a JVM of its own), with the same
     * command, await and quit handling as the usrsctp peer.
     */
    static UsrsctpPeer spawn(Path log, List<String> command, java.util.Map<String, String> environment)
            throws Exception {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new UsrsctpPeer(builder.start(), log);
    }

    /** As {@link #connect(Path, int, int, String, int)} with extra environment variables (e.g. the AUTH ones). */
    static UsrsctpPeer connect(Path log, java.util.Map<String, String> environment, int localUdpPort, int remoteUdpPort,
                               String remoteAddress, int sctpPort) throws Exception {
        return start(log, environment, "connect", Integer.toString(localUdpPort), Integer.toString(remoteUdpPort),
                remoteAddress, Integer.toString(sctpPort));
    }

    private static UsrsctpPeer start(Path log, String... args) throws Exception {
        return start(log, java.util.Map.of(), args);
    }

    private static UsrsctpPeer start(Path log, java.util.Map<String, String> environment, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        return new UsrsctpPeer(p, log);
    }

    /** Writes one command line (see the program's header comment). */
    void command(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** The first line, past or future, that starts with {@code prefix}. */
    String await(String prefix) throws InterruptedException {
        return awaitLines(l -> l.startsWith(prefix), 1).get(0);
    }

    /**
     * The first {@code count} lines that match, once there are that many. Fails with the output
     * so far if they do not come within the timeout or the program ends first.
     */
    synchronized List<String> awaitLines(Predicate<String> match, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            List<String> found = lines.stream().filter(match).limit(count).toList();
            if (found.size() == count) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return Assertions.fail((ended ? "the peer ended" : "timed out") + " before " + count
                        + " matching line(s); its output:\n" + String.join("\n", lines));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every line so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Every line so far without its {@code key=value} fields, e.g. {@code EVENT ASSOC_CHANGE
     * SHUTDOWN_COMP}: for checking the order of events.
     */
    synchronized List<String> heads() {
        return lines.stream().map(l -> l.replaceFirst(" \\S+=.*$", "")).toList();
    }

    /** Sends {@code quit} and waits for the program to exit and its output to end; returns its exit code. */
    int quit() throws Exception {
        command("quit");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        synchronized (this) {
            while (!ended && deadline - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
        }
        if (!ended() || !process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            Assertions.fail("the peer did not exit after quit; its output:\n" + String.join("\n", lines()));
        }
        return process.exitValue();
    }

    private synchronized boolean ended() {
        return ended;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private void collect(Path log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII)); Writer copy = Files.newBufferedWriter(log)) {
            for (String line; (line = out.readLine()) != null; ) {
                copy.write(line + "\n");
                copy.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was destroyed under us: its output ends here
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }
}
