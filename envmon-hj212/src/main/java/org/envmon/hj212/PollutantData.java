package org.envmon.hj212;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * Values reported for one monitoring factor (pollutant or parameter code) in a CP (HJ 212-2017 §6.3.3).
 *
 * <p>{@link #code()} is the HJ 212-2017 code: legacy HJ/T 212-2005 codes ({@code 011}, {@code B01}, {@code S01}, ...)
 * are mapped through {@link ParameterCatalogue} (digest §9.4 legacy table); {@link #originalCode()} keeps the code as
 * received. A code not in the catalogue is kept unchanged and {@link #isKnown()} is false.
 *
 * <p>Grouping: consecutive fields with the same code are merged into one instance (e.g. 2005
 * {@code 01-Rtd=..,01-Flag=N;01-ZsRtd=..,01-Flag=N}). A numeric field that repeats in a later item for a code that
 * already has it (a device reporting several channels of one factor, e.g. three {@code B01-Rtd} flow meters in the
 * 2016 capture) starts a new instance, so no value is ever overwritten or lost. The same field twice in one item is
 * rejected by the decoder.
 *
 * <p>Instances are immutable once the decoder has published them.
 */
public final class PollutantData {

    private static final int N = ValueField.values().length;

    private final String code;
    private final String originalCode;
    private final Parameter parameter;
    private final double[] values = new double[N];
    private int mask;
    private String flag;
    private String eFlag;
    private LocalDateTime sampleTime;
    private LocalDateTime dataTime;
    private Map<String, String> other;

    PollutantData(String code, String originalCode, Parameter parameter, LocalDateTime dataTime) {
        this.code = code;
        this.originalCode = originalCode;
        this.parameter = parameter;
        this.dataTime = dataTime;
    }

    /** The HJ 212-2017 code (mapped from a 2005 code when the catalogue knows it), e.g. {@code w01018}. */
    public String code() {
        return code;
    }

    /** The code exactly as received, e.g. {@code 011}. */
    public String originalCode() {
        return originalCode;
    }

    /** True if the code (or legacy code) is in the parameter catalogue. */
    public boolean isKnown() {
        return parameter != null;
    }

    /** The catalogue entry, or null for an unknown code. */
    public Parameter parameter() {
        return parameter;
    }

    /** True if the field was present. */
    public boolean has(ValueField f) {
        return (mask & (1 << f.ordinal())) != 0;
    }

    /** The value of the field, or {@code NaN} if absent. */
    public double get(ValueField f) {
        return has(f) ? values[f.ordinal()] : Double.NaN;
    }

    /** The value of the field, or empty if absent. */
    public OptionalDouble value(ValueField f) {
        return has(f) ? OptionalDouble.of(values[f.ordinal()]) : OptionalDouble.empty();
    }

    /** The value as a boxed Double, or null if absent. */
    public Double getBoxed(ValueField f) {
        return has(f) ? values[f.ordinal()] : null;
    }

    /** {@code -Flag} data flag (N, F, M, S, D, C, T, B; digest §9.4), or null. */
    public String flag() {
        return flag;
    }

    /** {@code -EFlag} equipment flag (2017), or null. */
    public String eFlag() {
        return eFlag;
    }

    /** {@code -SampleTime} (2017), or null. */
    public LocalDateTime sampleTime() {
        return sampleTime;
    }

    /**
     * The DataTime of this factor's own group (a {@code DataTime} inside the same CP item, or a later {@code DataTime}
     * item that opens a new group), or null when the factor uses the packet's {@link Hj212Packet#dataTime()}.
     */
    public LocalDateTime dataTime() {
        return dataTime;
    }

    /** {@link #dataTime()} if present, else the given packet time. */
    public LocalDateTime effectiveTime(Hj212Packet packet) {
        return dataTime != null ? dataTime : packet.dataTime();
    }

    /** Other suffixes as raw strings, in arrival order (e.g. {@code RS}, {@code RT}, {@code Ala}, {@code Info}, {@code ZsFlag}). */
    public Map<String, String> other() {
        return other == null ? Collections.emptyMap() : Collections.unmodifiableMap(other);
    }

    // ---- package-private mutators used only while decoding / building ----

    int mask() {
        return mask;
    }

    void set(int ordinal, double v) {
        values[ordinal] = v;
        mask |= 1 << ordinal;
    }

    void flag(String f) {
        this.flag = f;
    }

    void eFlag(String f) {
        this.eFlag = f;
    }

    void sampleTime(LocalDateTime t) {
        this.sampleTime = t;
    }

    String otherValue(String key) {
        return other == null ? null : other.get(key);
    }

    void putOther(String key, String value) {
        if (other == null) {
            other = new LinkedHashMap<>(4);
        }
        other.put(key, value);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PollutantData)) {
            return false;
        }
        PollutantData p = (PollutantData) o;
        if (mask != p.mask || !code.equals(p.code) || !originalCode.equals(p.originalCode)) {
            return false;
        }
        for (int i = 0; i < N; i++) {
            if ((mask & (1 << i)) != 0 && Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(p.values[i])) {
                return false;
            }
        }
        return Objects.equals(flag, p.flag) && Objects.equals(eFlag, p.eFlag) && Objects.equals(sampleTime, p.sampleTime)
            && Objects.equals(dataTime, p.dataTime) && other().equals(p.other());
    }

    @Override
    public int hashCode() {
        int h = code.hashCode() * 31 + mask;
        for (int i = 0; i < N; i++) {
            if ((mask & (1 << i)) != 0) {
                h = h * 31 + Double.hashCode(values[i]);
            }
        }
        return h * 31 + Objects.hashCode(flag);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(code);
        if (!code.equals(originalCode)) {
            sb.append('(').append(originalCode).append(')');
        }
        StringJoiner fields = new StringJoiner(",", "{", "}");
        for (int i = 0; i < N; i++) {
            if ((mask & (1 << i)) != 0) {
                fields.add(ValueField.byOrdinal(i).suffix() + "=" + values[i]);
            }
        }
        addIfSet(fields, "Flag=", flag);
        addIfSet(fields, "EFlag=", eFlag);
        addIfSet(fields, "SampleTime=", sampleTime);
        addIfSet(fields, "DataTime=", dataTime);
        addIfSet(fields, "", other);
        return sb.append(fields).toString();
    }

    private static void addIfSet(StringJoiner fields, String label, Object value) {
        if (value != null) {
            fields.add(label + value);
        }
    }

    /** Copy of the values array, for tests and debugging. */
    double[] valuesSnapshot() {
        return Arrays.copyOf(values, N);
    }
}
