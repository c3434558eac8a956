package org.envmon.model;

/**
 * Which statistic of an interval a stored value is. HJ 212 field suffixes map here: -Rtd and -Avg are the
 * interval's {@link #VALUE}; -Min, -Max, -Cou as named; -ZsRtd/-ZsAvg (折算, converted to reference oxygen) are
 * {@link #CONVERTED}; -ZsMin/-ZsMax {@link #CONVERTED_MIN}/{@link #CONVERTED_MAX}.
 */
public enum Statistic {
    VALUE, MIN, MAX, COU, CONVERTED, CONVERTED_MIN, CONVERTED_MAX
}
