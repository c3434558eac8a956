package org.envmon.store;

import java.util.Objects;

/**
 * A monitoring site (station, section, or emission outlet). Known on the wire by its MN; authenticates with a
 * password that is kept only as a hash ({@link PasswordHash}). A control site (对照点) is excluded from city evaluation.
 */
public record Site(
        String code,
        String name,
        Medium medium,
        String mn,
        String passwordHash,
        String province,
        String city,
        String county,
        String basin,
        Double latitude,
        Double longitude,
        boolean control) {

    public Site {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(medium, "medium");
    }
}
