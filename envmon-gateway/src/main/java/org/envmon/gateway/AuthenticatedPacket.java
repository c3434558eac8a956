package org.envmon.gateway;

import org.envmon.hj212.Hj212Packet;

/** A packet whose MN and PW were accepted; {@code siteCode} is the site the MN belongs to. */
record AuthenticatedPacket(Hj212Packet packet, ReceivedFrame frame, String siteCode) {
}
