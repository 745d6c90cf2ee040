package org.jsctp.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The {@code -v} option the tools share: the Logback level of the stack's own logging (WARN by
 * default, INFO with {@code -v}, DEBUG with {@code -vv}; the logs go to standard error).
 */
final class Verbosity {

    @Option(names = "-v", description = "log more: -v for INFO, -vv for DEBUG (per packet)")
    boolean[] verbose = new boolean[0];

    /** Sets the level; call once the arguments are parsed. */
    void apply() {
        apply(verbose.length);
    }

    static void apply(int level) {
        // Only the stack's own loggers: Netty's internals stay at WARN.
        Logger stack = (Logger) LoggerFactory.getLogger("org.jsctp");
        stack.setLevel(level >= 2 ? Level.DEBUG : level == 1 ? Level.INFO : Level.WARN);
    }
}
