package org.envmon.quality.qc;

import java.util.List;

/**
 * The QC outcome for one value: {@code valid} and the codes that fired, in bit order. {@code valid} is always "no
 * invalidating code", so the verdict round-trips through its compact forms {@link #mask()} (a {@code long}) and
 * {@link #encode()} ({@code "NEGATIVE;SPIKE"}, "" for none).
 */
public record QcVerdict(boolean valid, List<QcCode> codes) {
    /** Valid, no code. */
    public static final QcVerdict CLEAN = new QcVerdict(true, List.of());

    public QcVerdict {
        codes = List.copyOf(codes);
        if (valid != QcCode.isValid(QcCode.toMask(codes))) {
            throw new IllegalArgumentException("valid=" + valid + " contradicts codes " + codes);
        }
    }

    public static QcVerdict of(long mask) {
        return mask == 0 ? CLEAN : new QcVerdict(QcCode.isValid(mask), QcCode.fromMask(mask));
    }

    /** Parses {@link #encode()}. */
    public static QcVerdict decode(String text) {
        return of(QcCode.decode(text));
    }

    public long mask() {
        return QcCode.toMask(codes);
    }

    public String encode() {
        return QcCode.encode(mask());
    }

    public boolean has(QcCode code) {
        return codes.contains(code);
    }
}
