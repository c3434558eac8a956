package org.envmon.gateway;

import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.SubPacketAssembler;

/**
 * A packet ready to be stored: an unsplit one, or a split one with all its parts joined.
 *
 * @param raw   the bytes kept as evidence: the frame, or the parts' frames in PNO order, each followed by CRLF
 * @param parts the parts of a split packet, each answered on the connection it came in (empty when unsplit: the
 *              packet is answered on its own connection)
 * @param last  the frame that completed the packet (its arrival times the answer)
 */
record CompletePacket(Hj212Packet packet, byte[] raw, List<SubPacketAssembler.Part<AtomicReference<Channel>>> parts,
                      ReceivedFrame last, String siteCode) {
}
