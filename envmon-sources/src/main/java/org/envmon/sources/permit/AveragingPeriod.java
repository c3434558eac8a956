package org.envmon.sources.permit;

/** The period a concentration limit applies to: emission standards set hourly or daily means. */
public enum AveragingPeriod {
    HOUR, DAY
}
