package org.jsctp.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Our scriptable pion/sctp peer ({@code src/test/go/pion_peer.go}): a second SCTP implementation
 * that shares no code with usrsctp, built with Debian's Go and pion/sctp 1.8.6 sources
 * (golang-go, golang-github-pion-sctp-dev) once per JVM, when the source is newer than the
 * binary. It is line-driven like the usrsctp peer, so it runs as a {@link UsrsctpPeer} process;
 * its commands and output lines are in the program's header comment and docs/INTEROP.md.
 */
final class PionPeer {

    /** pion/sctp 1.8.6 sends from and to SCTP port 5000, whatever the peer's ports are. */
    static final int SCTP_PORT = 5000;

    private static final Path SOURCE = Path.of("src", "test", "go", "pion_peer.go");
    private static final Path BINARY = Path.of("target", "pion-peer", "pion_peer");
    private static final Path GOPATH = Path.of("/usr/share/gocode");
    private static final Path PION = GOPATH.resolve("src/github.com/pion/sctp");

    private static Path built;

    private PionPeer() {
    }

    /** A peer that waits for our INIT on {@code localUdpPort}, sending to {@code remoteUdpPort}. */
    static UsrsctpPeer listen(Path log, Map<String, String> environment, int localUdpPort, int remoteUdpPort)
            throws Exception {
        return start(log, environment, "listen", localUdpPort, remoteUdpPort);
    }

    /** A peer that sends its INIT from {@code localUdpPort} to {@code remoteUdpPort} at once. */
    static UsrsctpPeer connect(Path log, Map<String, String> environment, int localUdpPort, int remoteUdpPort)
            throws Exception {
        return start(log, environment, "connect", localUdpPort, remoteUdpPort);
    }

    private static UsrsctpPeer start(Path log, Map<String, String> environment, String mode, int localUdpPort,
                                     int remoteUdpPort) throws Exception {
        return UsrsctpPeer.spawn(log, List.of(binary().toString(), mode, Integer.toString(localUdpPort),
                Integer.toString(remoteUdpPort)), environment);
    }

    /**
     * Builds the peer if needed and returns the binary. Without Go or pion's sources the test is
     * skipped with the reason, or fails under CI ({@code CI=true}); a build error fails it.
     */
    static synchronized Path binary() throws IOException, InterruptedException {
        String missing = !UsrsctpPeer.onPath("go") ? "go (golang-go)"
                : !Files.isDirectory(PION) ? "pion/sctp (golang-github-pion-sctp-dev, " + PION + ")" : null;
        if (missing != null) {
            String why = missing + " missing: cannot build the pion peer (install golang-go golang-github-pion-sctp-dev)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        if (built == null) {
            if (!Files.exists(BINARY)
                    || Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(SOURCE)) < 0) {
                build();
            }
            built = BINARY.toAbsolutePath();
        }
        return built;
    }

    private static void build() throws IOException, InterruptedException {
        Files.createDirectories(BINARY.getParent());
        Path tmp = BINARY.resolveSibling(BINARY.getFileName() + ".tmp");
        Path log = BINARY.resolveSibling("go-build.log");
        ProcessBuilder go = new ProcessBuilder("go", "build", "-o", tmp.toString(), SOURCE.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // GOPATH mode over Debian's packaged sources: no module download, nothing outside target/.
        go.environment().put("GO111MODULE", "off");
        go.environment().put("GOPATH", GOPATH.toString());
        go.environment().put("GOCACHE", BINARY.resolveSibling("cache").toAbsolutePath().toString());
        go.environment().put("GOFLAGS", "");
        Process p = go.start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            Assertions.fail("building " + SOURCE + " failed:\n" + Files.readString(log));
        }
        Files.move(tmp, BINARY, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
