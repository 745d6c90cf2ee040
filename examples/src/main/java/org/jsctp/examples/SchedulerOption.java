package org.jsctp.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.assoc.AssociationEvent;
import org.jsctp.core.tx.StreamSchedulerKind;
import org.jsctp.transport.AssociationListener;
import org.jsctp.transport.SctpUdpAssociation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --idata}, {@code --scheduler} and {@code --stream-value} options of every tool (RFC
 * 8260): offer user message interleaving (I-DATA), choose the stream scheduler, and give streams
 * a priority ({@code prio}, lower first, default 0) or weight ({@code wfq}, default 1). When
 * either of the first two is given, the tool prints, as each association comes up, whether
 * I-DATA is in use and which scheduler sends.
 */
final class SchedulerOption {

    @Option(names = "--idata", description = "offer user message interleaving (I-DATA, RFC 8260); used when the peer "
            + "offers it too")
    boolean idata;

    @Option(names = "--scheduler", paramLabel = "fcfs|rr|rrp|prio|fb|wfq",
            description = "stream scheduler (RFC 8260 section 3): fcfs (default), rr, rrp (round robin per packet), "
                    + "prio, fb (fair bandwidth), wfq (weighted fair queueing)")
    String scheduler;

    @Option(names = "--stream-value", paramLabel = "S:V",
            description = "stream S gets scheduler value V: its priority with prio (lower first, default 0), its weight "
                    + "with wfq (1..65535, default 1); repeatable")
    List<String> streamValues = new ArrayList<>();

    /** The scheduler given, FCFS by default; a wrong name is a usage error. */
    StreamSchedulerKind kind(CommandSpec spec) {
        if (scheduler == null) {
            return StreamSchedulerKind.FCFS;
        }
        try {
            return StreamSchedulerKind.valueOf(scheduler.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scheduler must be fcfs, rr, rrp, prio, fb or wfq, got "
                    + scheduler);
        }
    }

    /** The {@code --stream-value} pairs as {stream, value}, checked; a malformed one is a usage error. */
    List<int[]> values(CommandSpec spec) {
        List<int[]> out = new ArrayList<>();
        StreamSchedulerKind kind = kind(spec);
        for (String sv : streamValues) {
            String[] parts = sv.split(":", -1);
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected S:V");
                }
                int stream = Integer.parseInt(parts[0].trim());
                int value = Integer.parseInt(parts[1].trim());
                kind.create().setStreamValue(stream, value); // the scheduler's own range check
                out.add(new int[] {stream, value});
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--stream-value " + sv + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** {@code config} offering I-DATA when asked and with the scheduler chosen. */
    AssociationConfig.Builder apply(AssociationConfig.Builder config, CommandSpec spec) {
        return config.capabilities(config.capabilities().withInterleaving(idata || config.capabilities().interleaving()))
                .streamScheduler(kind(spec));
    }

    /**
     * {@code inner}, plus: as an association comes up, the stream values are set on it and, when
     * {@code --idata} or {@code --scheduler} was given, a line says whether I-DATA is in use.
     */
    AssociationListener listener(AssociationListener inner, CommandSpec spec) {
        List<int[]> values = values(spec);
        boolean report = idata || scheduler != null;
        if (values.isEmpty() && !report) {
            return inner;
        }
        PrintWriter out = spec.commandLine().getOut();
        return new AssociationListener() {
            @Override
            public void onEvent(SctpUdpAssociation association, AssociationEvent event) {
                if (event instanceof AssociationEvent.CommunicationUp) {
                    association.call((core, now) -> {
                        for (int[] sv : values) {
                            if (sv[0] < core.outboundStreams()) {
                                core.setStreamSchedulerValue(sv[0], sv[1]);
                            }
                        }
                        return core.capabilities().interleaving();
                    }).thenAccept(interleaving -> {
                        if (report) {
                            out.printf("interleaving (I-DATA): %s, stream scheduler: %s%n", interleaving ? "on" : "off",
                                    kind(spec).name().toLowerCase(Locale.ROOT));
                            out.flush();
                        }
                    });
                }
                inner.onEvent(association, event);
            }

            @Override
            public void onInputProcessed(SctpUdpAssociation association) {
                inner.onInputProcessed(association);
            }
        };
    }
}
