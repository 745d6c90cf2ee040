package org.jsctp.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code examples/target/sctp-examples.jar}: one executable jar whose subcommands
 * are the example tools.
 */
@Command(name = "sctp-examples",
        mixinStandardHelpOptions = true,
        version = "jsctp examples 0.1.0",
        description = "Example tools of jsctp, a pure-Java SCTP stack over UDP (RFC 6951).",
        subcommands = {DemoCommand.class, EchoServerCommand.class, DiscardServerCommand.class, DaytimeServerCommand.class,
                ChargenServerCommand.class, ClientCommand.class, TsctpCommand.class, LatencyCommand.class, DecodeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** The top-level command object picocli fills in; use {@link #main} or {@link #run}. */
    public Main() {
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args the subcommand and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the tool with {@code args} and returns its exit code (0 on success).
     *
     * @param args the subcommand and its options
     * @return the exit code
     */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /**
     * Runs the tool with its output and error streams redirected, e.g. for tests.
     *
     * @param out where the tool's output goes
     * @param err where its errors and usage messages go
     * @param args the subcommand and its options
     * @return the exit code: 0 on success, 2 for a usage error (picocli's), otherwise the subcommand's
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }
}
