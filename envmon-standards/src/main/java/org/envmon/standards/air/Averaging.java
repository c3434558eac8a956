package org.envmon.standards.air;

/** Averaging times of GB 3095 (digest §3). */
public enum Averaging {
    /** 年平均. */
    ANNUAL,
    /** 季平均 (Pb only). */
    QUARTER,
    /** 24 小时平均 (日平均). */
    DAY_24H,
    /** 日最大 8 小时平均 (O3). */
    MAX_8H,
    /** 1 小时平均. */
    HOUR_1
}
