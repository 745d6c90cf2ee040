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
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = {"Echo every message (SCTP port 7) back on its stream, as usrsctp's echo_server does.",
                "Runs until interrupted (or for --seconds)."})
final class EchoServerCommand extends ServerCommand {

    @Mixin
    PrOption pr = new PrOption();

    @Override
    AssociationConfig associationConfig() {
        return pr.apply(AssociationConfig.defaults().toBuilder(), spec).build();
    }

    @Override
    int sctpPort() {
        return 7;
    }

    @Override
    String serviceName() {
        return "echo server";
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
