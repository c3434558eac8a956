package org.envmon.hj212;

import java.util.Arrays;

/**
 * Protocol edition of a packet, from the Flag version bits V5..V0 (HJ 212-2017 §6.4, digest §9.3) or, when the
 * Flag is absent, from the content (digest §9.5).
 */
public enum ProtocolVersion {
    /** HJ/T 212-2005: version bits 000000; or no Flag and legacy content. */
    HJT212_2005(0),
    /** HJ 212-2017: version bits 000001. */
    HJ212_2017(1),
    /** Version bits 000010 (Flag 8/9), seen in packets labelled HJ 212-2025. [unconfirmed] (digest §9.3). */
    HJ212_2025(2);

    private final int versionBits;

    ProtocolVersion(int versionBits) {
        this.versionBits = versionBits;
    }

    /** The V5..V0 value (Flag bits 7..2). */
    public int versionBits() {
        return versionBits;
    }

    /** The edition for version bits, or {@code null} if unknown. */
    public static ProtocolVersion ofVersionBits(int bits) {
        return Arrays.stream(values()).filter(v -> v.versionBits == bits).findFirst().orElse(null);
    }

    /** True for HJ 212-2017 and later (QN required, 14-digit DataTime). */
    public boolean isAtLeast2017() {
        return this != HJT212_2005;
    }
}
