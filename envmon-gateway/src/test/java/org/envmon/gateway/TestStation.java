package org.envmon.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import org.envmon.hj212.FrameSink;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.hj212.Hj212FrameSplitter;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.RejectReason;

/** A plain blocking-socket HJ 212 station for tests: no Netty, so it checks the server from the outside. */
final class TestStation implements AutoCloseable {
    final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Hj212FrameSplitter splitter = new Hj212FrameSplitter();
    private final Deque<byte[]> frames = new ArrayDeque<>();

    TestStation(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    static String segment(String qn, String mn, String pw, int flag, LocalDateTime dataTime, double pm25) {
        return "QN=" + qn + ";ST=22;CN=2011;PW=" + pw + ";MN=" + mn + ";Flag=" + flag + ";CP=&&DataTime="
                + Hj212Encoder.formatTime(dataTime) + ";a34004-Rtd=" + pm25 + ",a34004-Flag=N;a34002-Rtd="
                + (pm25 * 1.5) + ",a34002-Flag=N&&";
    }

    void send(String dataSegment) throws IOException {
        out.write(Hj212Encoder.frame(dataSegment));
        out.flush();
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The next answer, or null if none arrives within the timeout. */
    Hj212Packet answer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] buf = new byte[4096];
        while (frames.isEmpty()) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (n < 0) {
                return null;
            }
            splitter.feed(buf, 0, n, new FrameSink() {
                @Override
                public void frame(byte[] frame) {
                    frames.add(frame);
                }

                @Override
                public void rejected(RejectReason reason, int discardedBytes) {
                    throw new AssertionError("server sent a bad frame: " + reason);
                }
            });
        }
        return new Hj212Decoder().decode(frames.poll()).packet();
    }

    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
