package org.envmon.hj212;

/** Execution-result codes of CN 9012 {@code ExeRtn} (HJ 212-2017 §6.6 Table; digest §9.4 ExeRtn table). */
public enum ExeRtn {
    SUCCESS(1), FAILED(2), BAD_CONDITION(3), TIMEOUT(4), BUSY(5), FAULT(6), NO_DATA(100);

    private final int code;

    ExeRtn(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
