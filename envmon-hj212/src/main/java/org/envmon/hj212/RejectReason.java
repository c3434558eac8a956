package org.envmon.hj212;

import java.util.Locale;

/**
 * Why a frame (splitter) or packet (decoder, sub-packet assembler) was rejected. Every rejection carries exactly one
 * reason. {@link #code()} is stable and lower-case; it is meant to be used as a metrics tag.
 */
public enum RejectReason {
    /** The frame does not start with {@code ##} (HJ 212-2017 §6.3.1, packet header). */
    NO_HEADER,
    /** The 4-character data-length field is not 4 ASCII digits (HJ 212-2017 §6.3.1). */
    BAD_LENGTH_FIELD,
    /** The declared length differs from the byte length of the data segment (HJ 212-2017 §6.3.1). */
    LENGTH_MISMATCH,
    /** CRC field is not 4 hex digits, or the CRC16 of HJ 212-2017 Annex A does not match. */
    BAD_CRC,
    /** The declared data length exceeds the configured maximum (at most 9999, the 4-digit limit). */
    OVERSIZE,
    /** The frame ended (or a new {@code ##} / CR / LF arrived) before the declared length was reached. */
    TRUNCATED,
    /** Bytes outside any frame (not {@code ##}, not CR/LF), discarded while resynchronising. */
    GARBAGE,
    /** A required field (ST, CN, PW, MN, CP; QN for HJ 212-2017) is absent (HJ 212-2017 §6.3.2, Table 3). */
    MISSING_FIELD,
    /** A field is syntactically wrong: unknown/duplicate header key, empty value, bad ST/CN/MN/PW, CP not closed. */
    BAD_FIELD,
    /** A numeric value (-Rtd, -Avg, ..., QnRtn, ExeRtn, intervals) is not a decimal number. */
    BAD_VALUE,
    /** A date-time (QN, DataTime, SampleTime, BeginTime, ...) is malformed or not a real calendar time. */
    BAD_TIME,
    /** Flag is not 0..255, has an unknown version, or its D bit contradicts PNUM/PNO (HJ 212-2017 §6.4). */
    BAD_FLAG,
    /** PNUM/PNO invalid, duplicate or inconsistent sub-packet (HJ 212-2017 §6.3.2, Flag D bit). */
    BAD_SUBPACKET;

    /** Stable lower-case identifier: the constant's name in lower case, e.g. {@code bad_crc}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
