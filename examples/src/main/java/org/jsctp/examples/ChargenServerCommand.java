package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chargen-server [LOCAL_UDP_PORT [REMOTE_UDP_PORT]]}: character generator (RFC 864 over
 * SCTP) on SCTP port 19: each association gets lines of the rotating printable-ASCII pattern, one
 * line a message, a batch at a time whenever everything sent so far has been acknowledged, until
 * the peer ends it.
 */
@Command(name = "chargen-server", mixinStandardHelpOptions = true,
        description = {"Send character generator lines (RFC 864) to every association (SCTP port 19).",
                "Until the peer closes it. Runs until interrupted (or for --seconds)."})
final class ChargenServerCommand extends ServerCommand {

    @Mixin
    PrOption pr = new PrOption();

    @Override
    AssociationConfig associationConfig() {
        return pr.apply(AssociationConfig.defaults().toBuilder(), spec).build();
    }

    private static final int LINE = 72;
    private static final int BATCH = 64;
    private static final String PATTERN = patternOfPrintables();
    private final AtomicInteger nextLine = new AtomicInteger();

    @Override
    int sctpPort() {
        return 19;
    }

    @Override
    String serviceName() {
        return "chargen server";
    }

    @Override
    AssociationListener service() {
        return (association, event) -> {
            // Back-pressure through the sender-dry event: a new batch once the last one is acknowledged.
            if (event instanceof AssociationEvent.CommunicationUp || event instanceof AssociationEvent.SenderDry) {
                sendBatch(association);
            }
        };
    }

    private void sendBatch(SctpUdpAssociation association) {
        for (int i = 0; i < BATCH; i++) {
            int start = Math.floorMod(nextLine.getAndIncrement(), PATTERN.length()); // each line shifts by one
            String line = (PATTERN + PATTERN).substring(start, start + LINE) + "\r\n";
            association.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(line.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    private static String patternOfPrintables() {
        StringBuilder b = new StringBuilder();
        for (char c = ' ' + 1; c < 127; c++) {
            b.append(c);
        }
        return b.toString();
    }
}
