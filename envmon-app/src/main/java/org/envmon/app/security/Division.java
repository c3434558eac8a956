package org.envmon.app.security;

import java.util.Objects;
import org.envmon.model.Account;
import org.envmon.model.Site;

/**
 * The administrative division an account acts for: the whole country, or one province, city or county, named as in
 * the site list ({@code province}, {@code city}, {@code county} of {@link Site}).
 */
public record Division(String level, String name) {
    public static final Division NATIONAL = new Division("national", null);

    public Division {
        Objects.requireNonNull(level, "level");
        if (!Account.DIVISION_LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown division level '" + level + "'; expected national, "
                    + "province, city or county");
        }
        if (level.equals("national") != (name == null || name.isBlank())) {
            throw new IllegalArgumentException("a province, city or county needs a name (e.g. city:北京), national "
                    + "none");
        }
    }

    /** {@code national}, or {@code province:NAME}, {@code city:NAME}, {@code county:NAME}. */
    public static Division parse(String text) {
        String t = text.strip();
        if (t.equals("national")) {
            return NATIONAL;
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("division must be national, province:NAME, city:NAME or county:NAME: "
                    + text);
        }
        return new Division(t.substring(0, colon).strip(), t.substring(colon + 1).strip());
    }

    public static Division of(Account a) {
        return new Division(a.divisionLevel(), a.divisionName());
    }

    /** Whether the site lies in this division. */
    public boolean covers(Site site) {
        return switch (level) {
            case "province" -> name.equals(site.province());
            case "city" -> name.equals(site.city());
            case "county" -> name.equals(site.county());
            default -> true;
        };
    }

    @Override
    public String toString() {
        return name == null ? level : level + ":" + name;
    }
}
