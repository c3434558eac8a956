package org.envmon.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.hj212.SubPacketAssembler;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HJ 212 TCP server. Each connection is a pipeline of small steps (see ARCHITECTURE.md): the connection cap, the
 * idle timeout, {@link Hj212FrameDecoder} (bytes -> frames), {@link Hj212PacketDecoder} (frames -> packets),
 * {@link StationAuthenticator} (MN/PW), {@link SplitPacketHandler} (split packets joined), {@link
 * SubmitAndAnswerHandler} (to the {@link IngestSink}, answered after commit) and {@link ConnectionGuard}; the steps of
 * one connection share its {@link StationSession} (error budget, where to answer). The server owns what connections
 * share: the split-packet assembler (one bound on the bytes held for incomplete packets) and the rate limit of
 * repeated warnings.
 */
public final class Hj212Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hj212Gateway.class);

    private final GatewayConfig config;
    private final StationDirectory directory;
    private final IngestSink sink;
    private final GatewayMetrics metrics;
    private final Clock clock;
    /** One assembler for every connection: the bound on bytes held for incomplete split packets is global. */
    private final SubPacketAssembler<AtomicReference<Channel>> assembler;
    private final LogThrottle logThrottle = LogThrottle.perMinute();
    private final PeerBans bans;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public Hj212Gateway(GatewayConfig config, StationDirectory directory, IngestSink sink, MeterRegistry registry,
                        Clock clock) {
        this(config, directory, sink, registry, clock, AuthFailureLimit.OFF);
    }

    /** @param authFailures failed authentications tolerated per peer address before it is banned */
    public Hj212Gateway(GatewayConfig config, StationDirectory directory, IngestSink sink, MeterRegistry registry,
                        Clock clock, AuthFailureLimit authFailures) {
        this.bans = new PeerBans(authFailures, clock);
        this.config = config;
        this.directory = directory;
        this.sink = sink;
        this.assembler = new SubPacketAssembler<>(config.maxPendingSplitBytes(),
                GatewayConfig.SPLIT_MAX_AGE.toMillis());
        this.metrics = new GatewayMetrics(registry, assembler);
        this.clock = clock;
    }

    /** Binds and starts accepting; returns the bound port. */
    public int start() throws InterruptedException {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
        ConnectionLimiter limiter = new ConnectionLimiter();
        Hj212PacketDecoder packets = new Hj212PacketDecoder();
        StationAuthenticator authenticator = new StationAuthenticator(directory, metrics, bans);
        SplitPacketHandler split = new SplitPacketHandler(assembler, metrics);
        SubmitAndAnswerHandler submit = new SubmitAndAnswerHandler(sink, metrics);
        ConnectionGuard guard = new ConnectionGuard(metrics, bans);
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        StationSession.attach(ch, config.errorBudget(), metrics, logThrottle);
                        ch.pipeline()
                                .addLast("limit", limiter)
                                .addLast("idle", new IdleStateHandler(config.idleTimeout().toSeconds(), 0, 0,
                                        TimeUnit.SECONDS))
                                .addLast("frames", new Hj212FrameDecoder(config, metrics, clock))
                                .addLast("packets", packets)
                                .addLast("authenticate", authenticator)
                                .addLast("split", split)
                                .addLast("submit", submit)
                                .addLast("guard", guard);
                    }
                });
        // packets left incomplete are dropped when they grow too old, even if no other split packet arrives
        boss.scheduleAtFixedRate(() -> assembler.expire(clock.millis()), 10, 10, TimeUnit.SECONDS);
        serverChannel = b.bind(config.host(), config.port()).sync().channel();
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("HJ 212 gateway listening on {}:{}", config.host(), port);
        return port;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Peer addresses banned now for failed authentications. */
    public long bannedPeerCount() {
        return bans.bannedCount();
    }

    public int connectionCount() {
        return metrics.connections.get();
    }

    /** Bytes held for incomplete split packets across all connections. */
    public long pendingSplitBytes() {
        return assembler.pendingBytes();
    }

    /** Stops accepting, closes every connection, and releases the threads. Answers in flight may be lost. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Closes a connection at once when the cap is reached; otherwise counts it. */
    @ChannelHandler.Sharable
    private final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (metrics.connections.incrementAndGet() > config.maxConnections()) {
                metrics.connections.decrementAndGet();
                metrics.connectionsRefused.increment();
                ctx.pipeline().remove(this);
                ctx.close();
                return;
            }
            channels.add(ctx.channel());
            ctx.channel().closeFuture().addListener(f -> metrics.connections.decrementAndGet());
            super.channelActive(ctx);
        }
    }
}
