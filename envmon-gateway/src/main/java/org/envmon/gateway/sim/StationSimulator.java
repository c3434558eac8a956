package org.envmon.gateway.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.hj212.FrameSink;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.hj212.Hj212FrameSplitter;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.Hj212Result;
import org.envmon.hj212.QnRtn;
import org.envmon.hj212.RejectReason;

/**
 * A fleet of simulated air stations speaking HJ 212-2017 over TCP: each connection sends data packets with the A flag
 * set at a fixed interval, with values that follow a diurnal pattern, and matches the 9014 answers by QN to measure
 * the answer latency. Uses the project's codec, but only what the standard defines, so it works against any
 * conforming server.
 */
public final class StationSimulator {
    private static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Air parameters (HJ 212-2017 Annex B): code, daily mean level, diurnal amplitude, decimals. */
    private static final Object[][] AIR = {
            {"a34004", 35.0, 15.0, 0}, {"a34002", 60.0, 20.0, 0}, {"a21026", 8.0, 3.0, 0},
            {"a21004", 30.0, 15.0, 0}, {"a21005", 0.7, 0.3, 1}, {"a05024", 70.0, 50.0, 0}};

    private final SimulatorConfig config;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong values = new AtomicLong();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

    public StationSimulator(SimulatorConfig config) {
        this.config = config;
    }

    public SimulatorReport run() throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        List<Station> stations = new ArrayList<>();
        long start = System.nanoTime();
        try {
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
            for (int i = 0; i < config.stations(); i++) {
                Station s = new Station(i);
                stations.add(s);
                b.clone().handler(s).connect(config.host(), config.port()).addListener(f -> {
                    if (f.isSuccess()) {
                        s.start(((io.netty.channel.ChannelFuture) f).channel());
                    } else {
                        s.connectFailed = true;
                    }
                });
            }
            Thread.sleep(config.duration().toMillis());
            for (Station s : stations) {
                s.stopSending();
            }
            long deadline = System.nanoTime() + config.answerTimeout().toNanos();
            while (System.nanoTime() < deadline && stations.stream().anyMatch(s -> !s.pending.isEmpty()
                    && s.channel != null && s.channel.isActive())) {
                Thread.sleep(20);
            }
        } finally {
            for (Station s : stations) {
                s.activeAtEnd = s.channel != null && s.channel.isActive();
            }
            for (Station s : stations) {
                if (s.channel != null) {
                    s.channel.close();
                }
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = stations.stream().map(Station::latencyArray).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        long failed = sent.get() - answered.get() - refused.get();
        long noAnswer = stations.stream().filter(s -> s.activeAtEnd).mapToLong(s -> s.pending.size()).sum();
        Map<String, Long> byReason = new java.util.HashMap<>();
        refusals.forEach((k, v) -> byReason.put(k, v.get()));
        return new SimulatorReport(sent.get(), answered.get(), failed, refused.get(), values.get(),
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                seconds, byReason, noAnswer, failed - noAnswer, stations.size(),
                (int) stations.stream().filter(s -> s.connectFailed).count());
    }

    /** A 9011 answer's QnRtn (HJ 212-2017 §6.6) in words, e.g. "wrong password (QnRtn 3)". */
    static String refusalReason(String qnRtn) {
        if (qnRtn == null) {
            return "9011 without QnRtn";
        }
        for (QnRtn r : QnRtn.values()) {
            if (Integer.toString(r.code()).equals(qnRtn.trim())) {
                String words = switch (r) {
                    case PW_ERROR -> "wrong password";
                    case MN_ERROR -> "unknown MN";
                    case ST_ERROR -> "ST error";
                    case FLAG_ERROR -> "Flag error";
                    case QN_ERROR -> "QN error";
                    case CN_ERROR -> "CN error";
                    case CRC_ERROR -> "CRC error";
                    case REFUSED -> "request refused";
                    case READY -> "9011 'ready' instead of 9014";
                    case UNKNOWN_ERROR -> "unknown error";
                };
                return words + " (QnRtn " + r.code() + ")";
            }
        }
        return "QnRtn " + qnRtn;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** A stuck analyser's pollutant (PM2.5) and the value it keeps reporting. */
    static final String STUCK_CODE = "a34004";
    static final double STUCK_VALUE = 70;
    static final int STUCK_HOURS = 24;

    /** Builds one data packet's data segment (HJ 212-2017 §6.3; CP items separated by ';', fields by ','). */
    static String dataSegment(String qn, String cn, String mn, String pw, LocalDateTime dataTime,
                              SplittableRandom random, boolean stuckPm25) {
        StringBuilder b = new StringBuilder(320);
        b.append("QN=").append(qn).append(";ST=22;CN=").append(cn).append(";PW=").append(pw).append(";MN=").append(mn)
                .append(";Flag=5;CP=&&DataTime=").append(DATA_TIME.format(dataTime));
        double hour = dataTime.getHour() + dataTime.getMinute() / 60.0;
        for (Object[] p : AIR) {
            String code = (String) p[0];
            double mean = (double) p[1];
            double amp = (double) p[2];
            int decimals = (int) p[3];
            // O3 peaks in the afternoon, the others with the morning and evening traffic.
            double phase = code.equals("a05024") ? (hour - 15) : (hour - 8);
            double v = Math.max(0, mean + amp * Math.cos(2 * Math.PI * phase / 24) + random.nextGaussian() * amp * 0.2);
            if (stuckPm25 && code.equals(STUCK_CODE)) {
                v = STUCK_VALUE;
            }
            String value = decimals == 0 ? Long.toString(Math.round(v)) : String.format("%.1f", v);
            b.append(';').append(code);
            if (cn.equals("2011")) {
                b.append("-Rtd=").append(value);
            } else {
                b.append("-Avg=").append(value).append(',').append(code).append("-Min=").append(value).append(',')
                        .append(code).append("-Max=").append(value);
            }
            b.append(',').append(code).append("-Flag=N");
        }
        return b.append("&&").toString();
    }

    /** One simulated station: one connection. */
    private final class Station extends ChannelInboundHandlerAdapter implements FrameSink {
        final int index;
        final String mn;
        final SplittableRandom random;
        final Map<String, Long> pending = new ConcurrentHashMap<>();
        final Hj212FrameSplitter splitter = new Hj212FrameSplitter(Hj212FrameSplitter.DEFAULT_MAX_DATA_LENGTH);
        final Hj212Decoder decoder = new Hj212Decoder();
        long[] lat = new long[64];
        int latCount;
        volatile Channel channel;
        volatile boolean connectFailed;
        volatile boolean activeAtEnd;
        ScheduledFuture<?> task;
        long lastQnMillis;
        int step;
        final LocalDateTime historyStart;

        Station(int index) {
            this.index = index;
            this.mn = config.mn(index);
            this.random = new SplittableRandom(index * 7919L + 17);
            ChronoUnit unit = config.cn().equals("2061") ? ChronoUnit.HOURS : ChronoUnit.MINUTES;
            this.historyStart = LocalDateTime.now(BEIJING).truncatedTo(unit);
        }

        void start(Channel ch) {
            this.channel = ch;
            long jitter = random.nextLong(Math.max(1, config.interval().toMillis()));
            task = ch.eventLoop().scheduleAtFixedRate(this::send, jitter, config.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        void stopSending() {
            if (task != null) {
                task.cancel(false);
            }
        }

        private void send() {
            if (!channel.isActive()) {
                stopSending();
                return;
            }
            long nowMillis = Math.max(System.currentTimeMillis(), lastQnMillis + 1);
            lastQnMillis = nowMillis;
            LocalDateTime now = LocalDateTime.ofEpochSecond(nowMillis / 1000, (int) (nowMillis % 1000) * 1_000_000,
                    BEIJING);
            String qn = QN.format(now);
            boolean stuck = config.stuck(index);
            LocalDateTime dataTime = switch (config.cn()) {
                case "2011" -> now.truncatedTo(ChronoUnit.SECONDS);
                case "2051" -> historyStart.minusMinutes(step++);
                // A stuck station fills its last day in order (QC checks a run only on in-order values), then stops.
                default -> stuck ? historyStart.minusHours(STUCK_HOURS - step++) : historyStart.minusHours(step++);
            };
            // History (2051, 2061) ends at the start; real-time data (2011) is stamped now, after it.
            if (!config.cn().equals("2011") && dataTime.isAfter(historyStart)) {
                return;
            }
            byte[] frame = Hj212Encoder.frame(dataSegment(qn, config.cn(), mn, config.password(), dataTime, random,
                    stuck));
            pending.put(qn, System.nanoTime());
            sent.incrementAndGet();
            values.addAndGet(config.cn().equals("2011") ? AIR.length : AIR.length * 3L);
            channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                splitter.feed(bytes, 0, bytes.length, this);
            } finally {
                buf.release();
            }
        }

        @Override
        public void frame(byte[] frame) {
            Hj212Result r = decoder.decode(frame);
            if (!r.isAccepted()) {
                return;
            }
            Hj212Packet p = r.packet();
            Long sentAt = p.qn() == null ? null : pending.remove(p.qn());
            if (sentAt == null) {
                return;
            }
            if (p.cn().equals("9014")) {
                answered.incrementAndGet();
                synchronized (this) {
                    if (latCount == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[latCount++] = System.nanoTime() - sentAt;
                }
            } else if (p.cn().equals("9011")) {
                refused.incrementAndGet();
                refusals.computeIfAbsent(refusalReason(p.parameter("QnRtn")), k -> new AtomicLong()).incrementAndGet();
            }
        }

        @Override
        public void rejected(RejectReason reason, int discardedBytes) {
            // an answer we cannot read counts as no answer
        }

        synchronized long[] latencyArray() {
            return Arrays.copyOf(lat, latCount);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
