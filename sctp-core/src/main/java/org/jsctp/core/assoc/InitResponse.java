package org.jsctp.core.assoc;

import java.util.List;
import org.jsctp.core.packet.chunk.Chunk;

/**
 * What an endpoint answers to an INIT (RFC 9260 section 5.1): the chunks to send back and the
 * verification tag to put in the common header, or nothing.
 *
 * @param chunks the reply (an INIT ACK, or an ABORT or ERROR), empty to discard silently
 * @param verificationTag the tag for the reply's common header: the INIT's Initiate Tag
 * @param reason why the INIT was refused or discarded; null when it was answered with an INIT ACK
 */
public record InitResponse(List<Chunk> chunks, int verificationTag, String reason) {

    /**
     * Copies what is mutable.
     *
     * @param chunks the reply (an INIT ACK, or an ABORT or ERROR), empty to discard silently
     * @param verificationTag the tag for the reply's common header: the INIT's Initiate Tag
     * @param reason why the INIT was refused or discarded; null when it was answered with an INIT ACK
     */
    public InitResponse {
        chunks = List.copyOf(chunks);
    }

    static InitResponse accept(Chunk initAck, int verificationTag) {
        return new InitResponse(List.of(initAck), verificationTag, null);
    }

    static InitResponse refuse(Chunk reply, int verificationTag, String reason) {
        return new InitResponse(List.of(reply), verificationTag, reason);
    }

    static InitResponse discard(String reason) {
        return new InitResponse(List.of(), 0, reason);
    }

    /** {@return whether the INIT is answered with an INIT ACK} */
    public boolean accepted() {
        return reason == null;
    }
}
