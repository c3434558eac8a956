package org.envmon.bench.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Many station connections that connect and then stay silent, to measure what idle stations cost the server. Runs in
 * its own JVM ({@link #main}) so that client and server sockets do not share one process's descriptor limit.
 */
public final class IdleConnections implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Channel> channels = new ArrayList<>();

    static IdleConnections open(String host, int port, int n) throws InterruptedException {
        IdleConnections c = new IdleConnections();
        Bootstrap b = new Bootstrap().group(c.group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // silent: these stations never send anything
                    }
                });
        for (int i = 0; i < n; i++) {
            c.channels.add(b.connect(host, port).sync().channel());
        }
        return c;
    }

    /** args: host port connections seconds. Prints "CONNECTED n" once all are open, then holds them. */
    public static void main(String[] args) throws Exception {
        try (IdleConnections c = open(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]))) {
            System.out.println("CONNECTED " + c.count());
            System.out.flush();
            Thread.sleep(Long.parseLong(args[3]) * 1000);
            System.out.println("STILL_OPEN " + c.stillOpen());
        }
    }

    int count() {
        return channels.size();
    }

    long stillOpen() {
        return channels.stream().filter(Channel::isActive).count();
    }

    @Override
    public void close() {
        channels.forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
