package org.jsctp.core.handshake;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.core.packet.chunk.ChunkType;
import org.jsctp.core.packet.param.ForwardTsnSupportedParameter;
import org.jsctp.core.packet.param.Parameter;
import org.jsctp.core.packet.param.SupportedExtensionsParameter;

/**
 * The optional protocol extensions one side offers in its INIT or INIT ACK, and what two sides
 * have in common. An extension is used only when both offer it.
 *
 * @param forwardTsn PR-SCTP (RFC 3758 section 3.1: Forward-TSN-Supported parameter, and FORWARD
 *     TSN in Supported Extensions)
 * @param interleaving I-DATA (RFC 8260 section 2.2: I-DATA in Supported Extensions; with
 *     PR-SCTP it brings I-FORWARD-TSN)
 * @param streamReconfig RE-CONFIG (RFC 6525 section 3.1, in Supported Extensions)
 */
public record Capabilities(boolean forwardTsn, boolean interleaving, boolean streamReconfig) {

    /** No extension at all: the base protocol of RFC 9260. */
    public static final Capabilities NONE = new Capabilities(false, false, false);

    /** These capabilities with PR-SCTP offered or not. */
    public Capabilities withForwardTsn(boolean value) {
        return new Capabilities(value, interleaving, streamReconfig);
    }

    /** These capabilities with I-DATA offered or not. */
    public Capabilities withInterleaving(boolean value) {
        return new Capabilities(forwardTsn, value, streamReconfig);
    }

    /** These capabilities with RE-CONFIG offered or not. */
    public Capabilities withStreamReconfig(boolean value) {
        return new Capabilities(forwardTsn, interleaving, value);
    }

    /** What both {@code this} and {@code peer} offer. */
    public Capabilities commonWith(Capabilities peer) {
        return new Capabilities(forwardTsn && peer.forwardTsn, interleaving && peer.interleaving,
                streamReconfig && peer.streamReconfig);
    }

    /** Reads what a peer offers from its INIT or INIT ACK parameters. */
    public static Capabilities offeredIn(List<Parameter> parameters) {
        boolean forwardTsnParameter = false;
        List<Integer> extensions = List.of();
        for (Parameter p : parameters) {
            if (p instanceof ForwardTsnSupportedParameter) {
                forwardTsnParameter = true;
            } else if (p instanceof SupportedExtensionsParameter s) {
                extensions = s.chunkTypes();
            }
        }
        // RFC 3758 section 3.1 announces PR-SCTP with its own parameter; usrsctp also lists
        // FORWARD TSN among the supported extensions. Either suffices.
        boolean forwardTsn = forwardTsnParameter || extensions.contains(ChunkType.FORWARD_TSN);
        return new Capabilities(forwardTsn, extensions.contains(ChunkType.I_DATA), extensions.contains(ChunkType.RE_CONFIG));
    }

    /** The parameters that announce these capabilities in our INIT or INIT ACK. */
    public List<Parameter> toParameters() {
        List<Parameter> out = new ArrayList<>(2);
        List<Integer> extensions = new ArrayList<>(4);
        if (forwardTsn) {
            out.add(ForwardTsnSupportedParameter.INSTANCE);
            extensions.add(ChunkType.FORWARD_TSN);
            if (interleaving) {
                extensions.add(ChunkType.I_FORWARD_TSN);
            }
        }
        if (interleaving) {
            extensions.add(ChunkType.I_DATA);
        }
        if (streamReconfig) {
            extensions.add(ChunkType.RE_CONFIG);
        }
        if (!extensions.isEmpty()) {
            out.add(new SupportedExtensionsParameter(extensions));
        }
        return out;
    }
}
