package org.jsctp.api.netty;

import com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.sctp.SctpChannelConfig;
import io.netty.channel.sctp.SctpChannelOption;
import java.util.Map;

/**
 * The configuration of a {@link UdpSctpChannel}: Netty's {@link SctpChannelConfig} over our
 * options (see {@link OptionStore} for the mapping) plus {@link UdpSctpChannelOption}.
 */
public final class UdpSctpChannelConfig extends DefaultChannelConfig implements SctpChannelConfig {

    private final OptionStore store;

    UdpSctpChannelConfig(UdpSctpChannel channel, OptionStore store) {
        super(channel);
        this.store = store;
    }

    OptionStore store() {
        return store;
    }

    @Override
    public Map<ChannelOption<?>, Object> getOptions() {
        return getOptions(super.getOptions(), ChannelOption.SO_SNDBUF, ChannelOption.SO_RCVBUF,
                SctpChannelOption.SCTP_NODELAY, SctpChannelOption.SCTP_INIT_MAXSTREAMS,
                SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE, SctpChannelOption.SCTP_DISABLE_FRAGMENTS,
                UdpSctpChannelOption.UDP_PORT, UdpSctpChannelOption.REMOTE_UDP_PORT,
                UdpSctpChannelOption.REMOTE_ADDRESSES);
    }

    @Override
    public <T> T getOption(ChannelOption<T> option) {
        T v = store.getOption(option);
        return v != null ? v : super.getOption(option);
    }

    /**
     * Sets a standard, SCTP or {@link UdpSctpChannelOption} option.
     *
     * @throws UnsupportedOperationException for SCTP_DISABLE_FRAGMENTS or SCTP_EXPLICIT_COMPLETE true
     * @throws IllegalStateException for an option that is fixed once the channel is connected
     */
    @Override
    public <T> boolean setOption(ChannelOption<T> option, T value) {
        validate(option, value);
        return store.set(option, value) || super.setOption(option, value);
    }

    @Override
    public boolean isSctpNoDelay() {
        return getOption(SctpChannelOption.SCTP_NODELAY);
    }

    @Override
    public UdpSctpChannelConfig setSctpNoDelay(boolean sctpNoDelay) {
        setOption(SctpChannelOption.SCTP_NODELAY, sctpNoDelay);
        return this;
    }

    @Override
    public int getSendBufferSize() {
        return getOption(ChannelOption.SO_SNDBUF);
    }

    @Override
    public UdpSctpChannelConfig setSendBufferSize(int sendBufferSize) {
        setOption(ChannelOption.SO_SNDBUF, sendBufferSize);
        return this;
    }

    @Override
    public int getReceiveBufferSize() {
        return getOption(ChannelOption.SO_RCVBUF);
    }

    @Override
    public UdpSctpChannelConfig setReceiveBufferSize(int receiveBufferSize) {
        setOption(ChannelOption.SO_RCVBUF, receiveBufferSize);
        return this;
    }

    @Override
    public InitMaxStreams getInitMaxStreams() {
        return getOption(SctpChannelOption.SCTP_INIT_MAXSTREAMS);
    }

    @Override
    public UdpSctpChannelConfig setInitMaxStreams(InitMaxStreams initMaxStreams) {
        setOption(SctpChannelOption.SCTP_INIT_MAXSTREAMS, initMaxStreams);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setConnectTimeoutMillis(int connectTimeoutMillis) {
        super.setConnectTimeoutMillis(connectTimeoutMillis);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setMaxMessagesPerRead(int maxMessagesPerRead) {
        super.setMaxMessagesPerRead(maxMessagesPerRead);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setWriteSpinCount(int writeSpinCount) {
        super.setWriteSpinCount(writeSpinCount);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setAllocator(ByteBufAllocator allocator) {
        super.setAllocator(allocator);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setRecvByteBufAllocator(RecvByteBufAllocator allocator) {
        super.setRecvByteBufAllocator(allocator);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setAutoRead(boolean autoRead) {
        super.setAutoRead(autoRead);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setAutoClose(boolean autoClose) {
        super.setAutoClose(autoClose);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setWriteBufferHighWaterMark(int writeBufferHighWaterMark) {
        super.setWriteBufferHighWaterMark(writeBufferHighWaterMark);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setWriteBufferLowWaterMark(int writeBufferLowWaterMark) {
        super.setWriteBufferLowWaterMark(writeBufferLowWaterMark);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setWriteBufferWaterMark(WriteBufferWaterMark writeBufferWaterMark) {
        super.setWriteBufferWaterMark(writeBufferWaterMark);
        return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    public UdpSctpChannelConfig setMessageSizeEstimator(MessageSizeEstimator estimator) {
        super.setMessageSizeEstimator(estimator);
        return this;
    }
}
