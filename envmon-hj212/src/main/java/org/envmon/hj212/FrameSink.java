package org.envmon.hj212;

/** Receives the output of {@link Hj212FrameSplitter}. Called on the thread that calls {@code feed}. */
public interface FrameSink {

    /**
     * A complete frame: the exact bytes from {@code ##} through the 4 CRC characters, without CRLF. The array is a
     * fresh copy owned by the sink.
     */
    void frame(byte[] frame);

    /**
     * Bytes were discarded for {@code reason} (one call per discarded run; CR/LF between frames are not counted unless
     * a run without header reaches the splitter's {@code maxGarbageRun}).
     */
    void rejected(RejectReason reason, int discardedBytes);
}
