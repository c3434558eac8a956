package org.envmon.standards.groundwater;

/**
 * Groundwater quality class, GB/T 14848-2017 §4 (digest §8.1). Class V is open-ended ("&gt; class IV limit"): unlike
 * GB 3838 there is no 劣V. Declaration order is best to worst.
 */
public enum GroundwaterClass {
    I, II, III, IV, V;

    /** The worse of two classes. */
    public static GroundwaterClass worst(GroundwaterClass a, GroundwaterClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The label, I to V. */
    public String label() {
        return name();
    }
}
