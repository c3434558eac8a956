package org.envmon.gateway;

import org.envmon.hj212.Hj212Packet;

/** A frame that decoded (length, CRC, fields); its station is not yet authenticated. */
record DecodedPacket(Hj212Packet packet, ReceivedFrame frame) {
}
