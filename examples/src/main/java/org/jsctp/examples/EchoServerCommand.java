package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.rx.ReceivedMessage;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.AssociationListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code echo-server [LOCAL_UDP_PORT [REMOTE_UDP_PORT]]}: the counterpart of usrsctp's
 * {@code echo_server}. It serves SCTP port 7 and sends every message back on the stream it came
 * on, with the same PPID. A large message that arrives in pieces is joined and echoed whole once
 * complete; one larger than the association's maxMessageBytes cannot be sent back and is dropped.
 *
 * <p>Nagle's algorithm is off: an echo goes out at once, even while the previous one is not
 * acknowledged yet. With it on, a client that does not bundle its SACK with its next request (the
 * SACK then waits for the client's delayed-SACK timer, 200 ms) would have each reply wait that
 * long (see docs/PERFORMANCE.md, "Latency").
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = {"Echo every message (SCTP port 7) back on its stream, as usrsctp's echo_server does.",
                "Runs until interrupted (or for --seconds)."})
final class EchoServerCommand extends ServerCommand {

    @Mixin
    PrOption pr = new PrOption();

    @Override
    int sctpPort() {
        return 7;
    }

    @Override
    String serviceName() {
        return "echo server";
    }

    @Override
    AssociationConfig associationConfig() {
        return pr.apply(AssociationConfig.defaults().toBuilder().noDelay(true), spec).build();
    }

    @Override
    AssociationListener service() {
        MessageJoiner joiner = new MessageJoiner(AssociationConfig.defaults().maxMessageBytes());
        return (association, event) -> {
            ReceivedMessage r = joiner.onEvent(association, event);
            if (r != null) {
                association.send(OutgoingMessage.of(r.streamId(), r.ppid(), r.unordered(), r.payload()));
            }
        };
    }
}
