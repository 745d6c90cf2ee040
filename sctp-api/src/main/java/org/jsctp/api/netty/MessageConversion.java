package org.jsctp.api.netty;

import com.sun.nio.sctp.Association;
import com.sun.nio.sctp.MessageInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.SocketAddress;
import org.jsctp.api.SctpMessage;
import org.jsctp.api.SctpPrPolicy;
import org.jsctp.api.SctpReceivedMessage;

/** Converts between Netty's {@link io.netty.channel.sctp.SctpMessage} and ours. */
final class MessageConversion {

    private MessageConversion() {
    }

    /**
     * Our message for a Netty one, copying its bytes (the caller still owns and releases it):
     * stream, PPID and the U bit (RFC 9260 section 3.3.1); a {@code MessageInfo.timeToLive()}
     * above 0 becomes a PR-SCTP lifetime (RFC 3758 section 3.1, RFC 7496 section 3.1).
     */
    static SctpMessage outbound(io.netty.channel.sctp.SctpMessage m) {
        ByteBuf content = m.content();
        SctpMessage out = SctpMessage.wrap(ByteBufUtil.getBytes(content, content.readerIndex(), content.readableBytes()))
                .withStream(m.streamIdentifier()).withPpid(m.protocolIdentifier()).withUnordered(m.isUnordered());
        MessageInfo info = m.messageInfo();
        if (info != null && info.timeToLive() > 0) {
            out = out.withPrPolicy(SctpPrPolicy.ttl(info.timeToLive()));
        }
        return out;
    }

    /**
     * A Netty message for a received one (or the last of the pieces in {@code buf}, which it
     * takes over; the receiver releases it). Its MessageInfo carries stream, PPID, the U bit and whether it is
     * the last piece of a partially delivered message (RFC 6458 section 8.1.20), which
     * {@code SctpMessageCompletionHandler} reads.
     */
    static io.netty.channel.sctp.SctpMessage inbound(SctpReceivedMessage r, ByteBuf buf, Association association,
                                                     SocketAddress from) {
        MessageInfo info = MessageInfo.createOutgoing(association, from, r.stream())
                .payloadProtocolID(r.ppid()).unordered(r.isUnordered()).complete(r.isComplete());
        return new io.netty.channel.sctp.SctpMessage(info, buf);
    }
}
