package org.envmon.app.api;

/**
 * The API's one convention for ranges, quoted in every {@code from}/{@code to} parameter's OpenAPI description: a
 * range of days includes its last day ({@code to} inclusive), a range of instants excludes its end ({@code to}
 * exclusive, so consecutive requests [a, b) and [b, c) neither overlap nor leave a gap). Days are Beijing natural
 * days; a time without offset, or a date given for an instant, is Beijing time (a date is its 00:00).
 */
public final class ApiRanges {
    public static final String FROM_TIME = "start, inclusive: ISO-8601 time with offset, e.g. 2019-01-01T00:00+08:00;"
            + " a time without offset or a date alone (its 00:00) is Beijing time";
    public static final String TO_TIME = "end, exclusive (instant ranges are [from, to)): ISO-8601 time with offset;"
            + " a time without offset or a date alone (its 00:00) is Beijing time, so to=2019-01-02 ends with the"
            + " last hour of 2019-01-01";
    public static final String FROM_DAY = "first day, inclusive: YYYY-MM-DD, Beijing natural day";
    public static final String TO_DAY = "last day, inclusive (day ranges include both ends): YYYY-MM-DD, Beijing"
            + " natural day";

    private ApiRanges() {
    }
}
