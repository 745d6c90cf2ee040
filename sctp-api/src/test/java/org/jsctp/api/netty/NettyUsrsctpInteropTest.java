package org.jsctp.api.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Netty's SCTP echo example over our channels against usrsctp 0.9.5's echo_server and client. */
class NettyUsrsctpInteropTest {

    private static final Path USRSCTP = Path.of("/usr/lib/usrsctp");
    private static final int ECHO_PORT = 7;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private Process peer;

    @BeforeEach
    void requireUsrsctp() {
        if (!Files.isExecutable(USRSCTP.resolve("echo_server")) || !Files.isExecutable(USRSCTP.resolve("client"))) {
            String why = "usrsctp's echo_server/client missing in " + USRSCTP + " (install libusrsctp-examples)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.destroyForcibly();
            peer.waitFor(20, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void theNettyEchoClientPingPongsWithUsrsctpsEchoServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        peer = new ProcessBuilder(USRSCTP.resolve("echo_server").toString(), Integer.toString(theirs),
                Integer.toString(ours)).redirectErrorStream(true).redirectOutput(log("netty-echo_server.log")).start();
        byte[] first = new byte[NettyEchoTest.SIZE];
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) i;
        }
        SctpEchoClientHandler handler = new SctpEchoClientHandler(first, 10);
        Bootstrap b = new Bootstrap();
        b.group(group)
                .channel(UdpSctpChannel.class)
                .option(SctpChannelOption.SCTP_NODELAY, true)
                .option(UdpSctpChannelOption.UDP_PORT, ours)
                .option(UdpSctpChannelOption.REMOTE_UDP_PORT, theirs)
                .handler(new ChannelInitializer<SctpChannel>() {
                    @Override
                    public void initChannel(SctpChannel ch) {
                        ch.pipeline().addLast(handler);
                    }
                });
        connectWhenListening(b);
        List<byte[]> echoes = handler.done.get(20, TimeUnit.SECONDS);
        assertThat(echoes).hasSize(10).allSatisfy(e -> assertThat(e).isEqualTo(first));
    }

    @Test
    void usrsctpsClientGetsEveryLineBackFromTheNettyEchoServer() throws Exception {
        int ours = freeUdpPort();
        int theirs = freeUdpPort();
        ServerBootstrap b = new ServerBootstrap();
        b.group(group, workers)
                .channel(UdpSctpServerChannel.class)
                .option(UdpSctpChannelOption.UDP_PORT, ours)
                .childHandler(new ChannelInitializer<SctpChannel>() {
                    @Override
                    public void initChannel(SctpChannel ch) {
                        ch.pipeline().addLast(new SctpEchoServerHandler());
                    }
                });
        Channel server = b.bind(InetAddress.getByName("127.0.0.1"), ECHO_PORT).sync().channel();
        try {
            java.io.File out = log("netty-usrsctp-client.log");
            peer = new ProcessBuilder(USRSCTP.resolve("client").toString(), "127.0.0.1", Integer.toString(ECHO_PORT),
                    "0", Integer.toString(theirs), Integer.toString(ours))
                    .redirectErrorStream(true).redirectOutput(out).start();
            try (OutputStream stdin = peer.getOutputStream()) {
                stdin.write("netty line one\nnetty line two\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                // At the end of its input the client closes its socket, and an echo that comes after
                // its SHUTDOWN cannot be sent (RFC 9260 section 9.2): the input stays open until both
                // lines are back.
                awaitInLog(out.toPath(), "netty line one", "netty line two");
            }
            assertThat(peer.waitFor(30, TimeUnit.SECONDS)).as("usrsctp client finished").isTrue();
            String trace = Files.readString(out.toPath(), StandardCharsets.ISO_8859_1);
            assertThat(trace).contains("netty line one", "netty line two", "SCTP_SHUTDOWN_COMP");
        } finally {
            server.close().sync();
        }
    }

    /**
     * usrsctp's echo_server answers INITs with an ABORT until its socket listens: connect again
     * after each refusal, for at most 20 s.
     */
    private void connectWhenListening(Bootstrap b) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            ChannelFuture f = b.connect("127.0.0.1", ECHO_PORT).await();
            if (f.isSuccess()) {
                return;
            }
            if (!peer.isAlive() || System.nanoTime() - giveUp > 0) {
                throw new AssertionError("could not connect to usrsctp's echo_server", f.cause());
            }
        }
    }

    private static java.io.File log(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "usrsctp")).resolve(name).toFile();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Waits, for at most 20 s, until the client's trace shows every one of {@code lines}, or the client ends. */
    private void awaitInLog(java.nio.file.Path log, String... lines) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (peer.isAlive() && System.nanoTime() - giveUp < 0) {
            String trace = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (java.util.Arrays.stream(lines).allMatch(trace::contains)) {
                return;
            }
            // look again in 1 ms: a spinning look would take a CPU from the stack under test
            LockSupport.parkNanos(1_000_000);
        }
    }
}
