package org.envmon.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.envmon.app.DemoData;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;

/**
 * The demo's pollution sources: six real outlets (demo/README.md) registered under their devices' MNs, and their day
 * of hourly frames (2016-08-24) sent to the platform's HJ 212 port as the devices sent them.
 */
public final class DemoSources {
    public static final String FRAMES = "demo/hj212-sources-2016-08-24.txt";
    /** The outlets: site code = the device's MN; the first five flue gas (ST=31), the last waste water (ST=32). */
    public static final List<String> FLUE_GAS = List.of("LD130121000134", "LD130131000044", "LD130107000226",
            "LD130133000461", "LD130102000150");
    public static final String WASTE_WATER = "LD130102000119";

    private DemoSources() {
    }

    /** Registers the outlets (password 123456, as in the frames). */
    public static void register(SiteStore sites) {
        String hash = PasswordHash.hash("123456");
        List<Site> outlets = new ArrayList<>();
        for (int i = 0; i < FLUE_GAS.size(); i++) {
            outlets.add(new Site(FLUE_GAS.get(i), "实测烟气排口 " + (i + 1), Medium.SOURCE_GAS, FLUE_GAS.get(i), hash,
                    null, null, null, null, null, null, false));
        }
        outlets.add(new Site(WASTE_WATER, "实测废水排口", Medium.SOURCE_WATER, WASTE_WATER, hash, null, null, null, null,
                null, null, false));
        sites.upsert(outlets);
    }

    /**
     * Sends every frame over one connection to the HJ 212 port. The frames do not ask for an answer (Flag=4), so the
     * platform stores them without replying; they are in the store shortly after.
     *
     * @return frames sent
     */
    public static int send(String host, int port) throws IOException {
        int sent = 0;
        try (Socket s = new Socket(host, port);
             BufferedReader lines = new BufferedReader(new InputStreamReader(DemoData.open(FRAMES),
                     StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    sent++;
                }
            }
            out.flush();
        }
        return sent;
    }
}
