package org.envmon.gateway;

import java.time.Instant;

/**
 * A frame as the splitter cut it from the stream ({@code ##} through the CRC, without CRLF), and when it arrived.
 *
 * @param receivedNanos {@link System#nanoTime()} at arrival, for the answer latency
 */
record ReceivedFrame(byte[] bytes, Instant receivedAt, long receivedNanos) {
}
