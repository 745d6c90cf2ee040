package org.jsctp.examples;

import org.jsctp.core.assoc.AssociationConfig;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.tx.OutgoingMessage;
import org.jsctp.transport.AssociationListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code daytime-server [LOCAL_UDP_PORT [REMOTE_UDP_PORT]]}: the counterpart of usrsctp's
 * {@code daytime_server} (RFC 867 over SCTP): SCTP port 13; each new association gets the date
 * and time as one message, then the server shuts it down.
 */
@Command(name = "daytime-server", mixinStandardHelpOptions = true,
        description = {"Send the date and time to each new association (SCTP port 13), then close it.",
                "As usrsctp's daytime_server does. Runs until interrupted (or for --seconds)."})
final class DaytimeServerCommand extends ServerCommand {

    @Mixin
    PrOption pr = new PrOption();

    @Override
    AssociationConfig associationConfig() {
        return pr.apply(AssociationConfig.defaults().toBuilder(), spec).build();
    }

    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    @Override
    int sctpPort() {
        return 13;
    }

    @Override
    String serviceName() {
        return "daytime server";
    }

    @Override
    AssociationListener service() {
        return (association, event) -> {
            if (event instanceof AssociationEvent.CommunicationUp) {
                String now = CTIME.format(ZonedDateTime.now()) + "\n";
                association.send(OutgoingMessage.of(0, 0, false, Bytes.wrap(now.getBytes(StandardCharsets.US_ASCII))))
                        .thenRun(association::shutdown);
            }
        };
    }
}
