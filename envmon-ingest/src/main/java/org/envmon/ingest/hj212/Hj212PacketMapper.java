package org.envmon.ingest.hj212;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.PollutantData;
import org.envmon.hj212.ValueField;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;

/**
 * Turns an authenticated HJ 212 packet into what the store keeps: the raw frame as evidence and one observation per
 * pollutant field. Stateless.
 *
 * <p>Times: HJ 212 DataTime is Beijing time (UTC+8) and marks the start of the interval for minute, hour and day
 * data (HJ 212-2017 §6.6); EnvMon stores that instant. A value more than {@link #FUTURE_TOLERANCE} ahead of its
 * arrival is not stored (a station clock far ahead would otherwise overwrite tomorrow) and is counted; the raw frame
 * is still kept.
 */
public final class Hj212PacketMapper {
    public static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    private static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    /** The write, and how many values were left out because their time lies in the future. */
    public record Mapped(PacketWrite write, int futureValuesDropped) {
    }

    /** The interval a data command carries (HJ 212-2017 Table 5 / digest §9.4), or null for other commands. */
    public static Interval intervalOf(String cn) {
        return switch (cn) {
            case "2011" -> Interval.REALTIME;
            case "2051" -> Interval.MINUTE;
            case "2061" -> Interval.HOUR;
            case "2031" -> Interval.DAY;
            default -> null;
        };
    }

    static Statistic statisticOf(ValueField f) {
        return switch (f) {
            case RTD, AVG -> Statistic.VALUE;
            case MIN -> Statistic.MIN;
            case MAX -> Statistic.MAX;
            case COU -> Statistic.COU;
            case ZS_RTD, ZS_AVG -> Statistic.CONVERTED;
            case ZS_MIN -> Statistic.CONVERTED_MIN;
            case ZS_MAX -> Statistic.CONVERTED_MAX;
        };
    }

    /** HJ 212-2017: MN|CN|QN; HJ/T 212-2005 packets often lack QN, so DataTime stands in. */
    public static String dedupKey(Hj212Packet p) {
        if (p.qn() != null) {
            return p.mn() + "|" + p.cn() + "|" + p.qn();
        }
        LocalDateTime t = p.dataTime();
        return t == null ? null : p.mn() + "|" + p.cn() + "|T" + t;
    }

    public Mapped map(Hj212Packet p, byte[] frame, String peer, Instant receivedAt, String siteCode, boolean crcOk) {
        RawPacket raw = new RawPacket(frame, peer, receivedAt, "hj212", p.mn(), p.cn(), p.qn(), dedupKey(p), crcOk);
        Interval interval = intervalOf(p.cn());
        if (interval == null) {
            return new Mapped(new PacketWrite(raw, List.of()), 0);
        }
        Instant limit = receivedAt.plus(FUTURE_TOLERANCE);
        List<ObservationRow> rows = new ArrayList<>(p.pollutants().size() * 2);
        int future = 0;
        for (PollutantData d : p.pollutants()) {
            LocalDateTime local = d.dataTime() != null ? d.dataTime() : p.dataTime();
            if (local == null) {
                continue;
            }
            Instant time = local.toInstant(BEIJING);
            for (ValueField f : ValueField.values()) {
                if (!d.has(f)) {
                    continue;
                }
                if (time.isAfter(limit)) {
                    future++;
                    continue;
                }
                rows.add(new ObservationRow(siteCode, d.code(), interval, statisticOf(f), time, d.get(f), d.flag()));
            }
        }
        return new Mapped(new PacketWrite(raw, rows), future);
    }
}
