package org.envmon.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user account of the platform. The password is kept only as an encoded hash (the application's
 * {@code DelegatingPasswordEncoder} form, e.g. {@code {bcrypt}$2a$...}); the store never sees a password.
 *
 * @param role          {@code admin}, {@code operator}, {@code maintainer}, {@code enterprise} (排污单位, its own
 *                      sites) or {@code analyst} (a data-sharing partner: read-only, tokens only); see {@link #ROLES}
 * @param divisionLevel {@code national}, {@code province}, {@code city} or {@code county}: the administrative
 *                      division the account acts for (an operator's scope)
 * @param divisionName  the province, city or county name as in the site list; null for {@code national}
 */
public record Account(String name, String passwordHash, String role, String divisionLevel, String divisionName,
                      boolean enabled, Instant createdAt) {
    public static final Set<String> ROLES = Set.of("admin", "operator", "maintainer", "enterprise",
            "analyst");
    public static final Set<String> DIVISION_LEVELS = Set.of("national", "province", "city", "county");
    /** Longest account name. */
    public static final int MAX_NAME = 64;

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank() || name.length() > MAX_NAME || !name.strip().equals(name)) {
            throw new IllegalArgumentException("account name must be 1 to " + MAX_NAME
                    + " characters without surrounding blanks");
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; expected one of " + ROLES);
        }
        if (!DIVISION_LEVELS.contains(divisionLevel)) {
            throw new IllegalArgumentException("unknown division level '" + divisionLevel + "'; expected one of "
                    + DIVISION_LEVELS);
        }
        if (divisionLevel.equals("national") != (divisionName == null || divisionName.isBlank())) {
            throw new IllegalArgumentException("a division name is required for province, city or county, and "
                    + "none for national");
        }
    }
}
