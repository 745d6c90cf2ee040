package org.jsctp.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the usrsctp interop tests share: a free UDP port for a peer, the log directory, the check
 * that usrsctp's example programs are installed (skip, or fail under CI), and our multi-homed side
 * as a child JVM inside a test's network namespace. The usrsctp peer program itself is
 * {@link UsrsctpPeer}; the namespace {@link NetNamespace}.
 */
final class UsrsctpFixture {

    /** Where usrsctp's example programs are (Debian's libusrsctp-examples). */
    static final Path PROGRAMS = Path.of("/usr/lib/usrsctp");

    private UsrsctpFixture() {
    }

    /**
     * A UDP port no socket uses now, on any address (so usrsctp, which binds the wildcard, can take
     * it): for a peer that must be told its port before it starts.
     */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {@code target/usrsctp}, created if needed: the logs of the peers. */
    static Path logDir() throws IOException {
        return Files.createDirectories(Path.of("target", "usrsctp"));
    }

    /**
     * Skips the test (or fails it under CI, {@code CI=true}) unless each of usrsctp's example
     * programs named is installed in {@link #PROGRAMS}.
     *
     * @param names e.g. {@code echo_server}, {@code client}
     */
    static void requirePrograms(String... names) {
        for (String name : names) {
            Path program = PROGRAMS.resolve(name);
            if (!Files.isExecutable(program)) {
                String why = program + " missing (install libusrsctp-examples)";
                if ("true".equals(System.getenv("CI"))) {
                    Assertions.fail(why);
                }
                Assumptions.abort(why);
            }
        }
    }

    /**
     * Our side of a multi-homed test: {@link MultihomedPeerMain} in a JVM of its own inside
     * {@code ns} (where the addresses usrsctp binds exist), with this JVM's classpath and the leak
     * detector at PARANOID, driven like the usrsctp peer program.
     *
     * @param ns the test's namespace
     * @param log where its output is copied
     * @param args {@code listen ...} or {@code connect ...}, as MultihomedPeerMain takes them
     * @return the running process
     */
    static UsrsctpPeer ourPeerIn(NetNamespace ns, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(ns.exec(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Dio.netty.leakDetection.level=PARANOID",
                MultihomedPeerMain.class.getName()));
        command.addAll(List.of(args));
        return UsrsctpPeer.spawn(log, command, Map.of());
    }
}
