package org.envmon.hj212;

/** Request-answer codes of CN 9011 {@code QnRtn} (HJ 212-2017 §6.6 Table; digest §9.4 QnRtn table). */
public enum QnRtn {
    READY(1), REFUSED(2), PW_ERROR(3), MN_ERROR(4), ST_ERROR(5), FLAG_ERROR(6), QN_ERROR(7), CN_ERROR(8),
    CRC_ERROR(9), UNKNOWN_ERROR(100);

    private final int code;

    QnRtn(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
