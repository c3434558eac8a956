package org.envmon.quality.screening;

import java.util.List;

/**
 * A falsification screen: looks at one site's series against its neighbours and returns the windows that deserve a
 * human look. A suspicion is not a finding; detectors must be pure and deterministic.
 */
public interface Detector {

    /** Stable id carried by every suspicion (e.g. {@code "clamping"}). */
    String id();

    /** The suspicious windows of this site, in time order; empty when nothing stands out or data is too thin. */
    List<Suspicion> screen(SiteContext ctx);
}
