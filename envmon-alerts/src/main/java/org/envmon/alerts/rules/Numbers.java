package org.envmon.alerts.rules;

/** Numbers in alert messages. */
public final class Numbers {

    private Numbers() {
    }

    /** A whole number without decimals ({@code 200}), any other as {@link Double#toString} ({@code 0.05}). */
    public static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
