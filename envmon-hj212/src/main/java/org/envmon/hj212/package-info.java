/**
 * Pure-Java HJ 212 codec (HJ 212-2017 and HJ/T 212-2005): no Netty, no Spring, no I/O except the bundled
 * {@code parameters.csv}.
 *
 * <ul>
 * <li>{@link org.envmon.hj212.Hj212FrameSplitter}: TCP byte stream to frames (bounded buffer, resync rules,
 * CRLF tolerated missing), reporting discarded runs to a {@link org.envmon.hj212.FrameSink}.</li>
 * <li>{@link org.envmon.hj212.Hj212Decoder}: frame to {@link org.envmon.hj212.Hj212Packet} or exactly one
 * {@link org.envmon.hj212.RejectReason} (stateless, thread-safe, about 10^6 frames/s on one core).</li>
 * <li>{@link org.envmon.hj212.Hj212Crc}: the Annex A CRC16 (not MODBUS).</li>
 * <li>{@link org.envmon.hj212.SubPacketAssembler}: PNUM/PNO reassembly, holding only the frames received (bounded
 * in bytes and age, drops counted).</li>
 * <li>{@link org.envmon.hj212.Hj212Encoder}, {@link org.envmon.hj212.Hj212Replies},
 * {@link org.envmon.hj212.Hj212Commands}, {@link org.envmon.hj212.Hj212PacketBuilder}: the encoding side.</li>
 * <li>{@link org.envmon.hj212.ParameterCatalogue}: HJ 212-2017 Annex B codes and the 2005 to 2017 code map.</li>
 * </ul>
 *
 * <p>Clause references are to HJ 212-2017 and to the project's standards digest ({@code shared/spec/standards.md}
 * §9).
 */
package org.envmon.hj212;
