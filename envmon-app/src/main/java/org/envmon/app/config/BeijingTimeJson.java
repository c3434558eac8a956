package org.envmon.app.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.time.temporal.TemporalAccessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Every time the API writes is ISO-8601 at Beijing time (+08:00), as HJ 212 stations report it, whatever type a view
 * carries (an {@link Instant} of a store record, an offset or zoned time): one rule at the JSON writer instead of a
 * conversion in each view.
 */
@Configuration(proxyBeanMethods = false)
public class BeijingTimeJson {
    public static final ZoneOffset BEIJING = org.envmon.model.BeijingTime.OFFSET;

    @Bean
    JacksonModule beijingTimes() {
        SimpleModule m = new SimpleModule("envmon-beijing-times");
        m.addSerializer(Instant.class, new AtBeijing<>(Instant.class));
        m.addSerializer(OffsetDateTime.class, new AtBeijing<>(OffsetDateTime.class));
        m.addSerializer(ZonedDateTime.class, new AtBeijing<>(ZonedDateTime.class));
        // the servlet container's fallback error body carries a java.util.Date timestamp
        m.addSerializer(Date.class, new StdSerializer<Date>(Date.class) {
            @Override
            public void serialize(Date value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(format(value.toInstant()));
            }
        });
        return m;
    }

    /** The instant of any of the three types, written at +08:00. */
    static String format(TemporalAccessor t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.from(t).atOffset(BEIJING));
    }

    private static final class AtBeijing<T extends TemporalAccessor> extends StdSerializer<T> {
        AtBeijing(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(format(value));
        }
    }
}
