package org.jsctp.transport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace of a test's own ({@code ip netns}), with its loopback device up and
 * 127.0.0.2 added, so programs that bind only addresses present on an interface (usrsctp) can be
 * multi-homed on loopback. Needs root (CAP_SYS_ADMIN); without it the test is skipped. Deleted on
 * close, whatever happened.
 */
final class NetNamespace implements AutoCloseable {

    final String name;

    private NetNamespace(String name) {
        this.name = name;
    }

    /** Creates the namespace, or skips the test (Assumptions) if that is not possible here. */
    static NetNamespace create() throws Exception {
        String name = "jsctp-mh-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        NetNamespace ns = new NetNamespace(name);
        String why = run("ip", "netns", "add", name);
        if (why != null) {
            Assumptions.abort("cannot create a network namespace (needs root and iproute2): " + why);
        }
        try {
            ns.require("ip", "link", "set", "lo", "up");
            ns.require("ip", "addr", "add", "127.0.0.2/8", "dev", "lo");
        } catch (Exception | AssertionError e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** The command prefix that runs a program inside the namespace. */
    List<String> exec(String... command) {
        List<String> out = new java.util.ArrayList<>(List.of("ip", "netns", "exec", name));
        out.addAll(List.of(command));
        return out;
    }

    private void require(String... command) throws Exception {
        String why = run(exec(command).toArray(String[]::new));
        if (why != null) {
            throw new IOException("in " + name + ": " + String.join(" ", command) + ": " + why);
        }
    }

    /**
     * Whether the namespace's {@code lo} has the IPv6 loopback address {@code ::1} (it has when
     * IPv6 is enabled on the host), for the tests that need both families.
     */
    boolean hasIpv6Loopback() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(exec("ip", "-6", "addr", "show", "dev", "lo")).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("inet6 ::1/128");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command; null if it succeeded, else its output and exit code. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Override
    public void close() throws Exception {
        run("ip", "netns", "del", name);
    }
}
