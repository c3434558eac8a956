package org.envmon.quality.qc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.envmon.model.QcFlag;

/**
 * QC of one packet: one code mask per observation, in the order of the rows checked. Kept as a {@code long[]} so the
 * hot path allocates one array per packet; {@link #verdict(int)} builds the readable form on demand.
 */
public final class QcResult {
    private final long[] masks;
    private final List<QcFlag> retroactive;

    QcResult(long[] masks) {
        this(masks, List.of());
    }

    QcResult(long[] masks, List<QcFlag> retroactive) {
        this.masks = masks;
        this.retroactive = retroactive;
    }

    /**
     * Verdicts these rows completed on earlier values of their series: a constant run that reached its threshold
     * here flags its values before this one ({@link QcCode#CONSTANT}, from the run's first value). Store them with
     * the rows ({@link org.envmon.model.PacketWrite#qcFlags()}).
     */
    public List<QcFlag> retroactiveFlags() {
        return retroactive;
    }

    public int size() {
        return masks.length;
    }

    /** The code mask of row {@code i} (see {@link QcCode#bit()}); 0 = no code. */
    public long mask(int i) {
        return masks[i];
    }

    public boolean valid(int i) {
        return QcCode.isValid(masks[i]);
    }

    /** The text form of row {@code i} for the store's {@code qc} column ("" = no code). */
    public String encoded(int i) {
        return QcCode.encode(masks[i]);
    }

    public QcVerdict verdict(int i) {
        return QcVerdict.of(masks[i]);
    }

    public List<QcVerdict> verdicts() {
        List<QcVerdict> out = new ArrayList<>(masks.length);
        for (long m : masks) {
            out.add(QcVerdict.of(m));
        }
        return out;
    }

    public int invalidCount() {
        return (int) Arrays.stream(masks).filter(m -> !QcCode.isValid(m)).count();
    }

    /** A copy of the masks. */
    public long[] masks() {
        return masks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QcResult r && Arrays.equals(masks, r.masks);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(masks);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("QcResult[");
        for (int i = 0; i < masks.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(valid(i) ? "valid" : "INVALID");
            if (masks[i] != 0) {
                sb.append(' ').append(encoded(i));
            }
        }
        return sb.append(']').toString();
    }
}
