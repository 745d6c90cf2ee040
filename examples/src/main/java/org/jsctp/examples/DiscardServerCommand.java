package org.jsctp.examples;

import org.jsctp.transport.AssociationListener;
import picocli.CommandLine.Command;

/**
 * {@code discard-server [LOCAL_UDP_PORT [REMOTE_UDP_PORT]]}: the counterpart of usrsctp's
 * {@code discard_server} (RFC 863 over SCTP): SCTP port 9, every message is read and dropped.
 */
@Command(name = "discard-server", mixinStandardHelpOptions = true,
        description = {"Read and drop every message (SCTP port 9), as usrsctp's discard_server does.",
                "Runs until interrupted (or for --seconds)."})
final class DiscardServerCommand extends ServerCommand {

    @Override
    int sctpPort() {
        return 9;
    }

    @Override
    String serviceName() {
        return "discard server";
    }

    @Override
    AssociationListener service() {
        return AssociationListener.IGNORE; // reading the event frees the receive window
    }
}
