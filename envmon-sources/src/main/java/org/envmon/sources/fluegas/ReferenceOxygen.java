package org.envmon.sources.fluegas;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reference oxygen content (基准氧含量, % by volume of dry flue gas) to which a combustion facility's measured
 * concentrations are converted before they are compared with its emission limits. The value belongs to the emission
 * standard the discharge permit names for the outlet and to the kind of facility; an ultra-low-emission commitment
 * keeps the reference of the facility's standard.
 */
public enum ReferenceOxygen {
    // GB 13223-2011 (thermal power plants) §5.2 and Table 3.
    COAL_FIRED_POWER_BOILER("GB 13223-2011", "Table 3", "燃煤锅炉（火电）", 6.0),
    OIL_OR_GAS_FIRED_POWER_BOILER("GB 13223-2011", "Table 3", "燃油锅炉及燃气锅炉（火电）", 3.0),
    GAS_TURBINE("GB 13223-2011", "Table 3", "燃气轮机组", 15.0),
    // GB 13271-2014 (boilers) Table 5 [clause number unconfirmed in the digest].
    COAL_FIRED_INDUSTRIAL_BOILER("GB 13271-2014", "Table 5", "燃煤锅炉", 9.0),
    OIL_OR_GAS_FIRED_INDUSTRIAL_BOILER("GB 13271-2014", "Table 5", "燃油、燃气锅炉", 3.5),
    // GB 18485-2014 (municipal solid waste incineration): limits refer to dry flue gas at 11 % O2 (Table 4, note).
    WASTE_INCINERATOR("GB 18485-2014", "Table 4 note", "生活垃圾焚烧炉", 11.0);

    /**
     * The reference and where it is set.
     *
     * @param percent  volume percent of O2 in dry flue gas
     * @param standard the emission standard that sets it, e.g. {@code GB 13223-2011}
     * @param clause   where in the standard
     */
    public record Basis(double percent, String standard, String clause, String chineseName) {
    }

    private final Basis basis;

    ReferenceOxygen(String standard, String clause, String chineseName, double percent) {
        this.basis = new Basis(percent, standard, clause, chineseName);
    }

    public Basis basis() {
        return basis;
    }

    /** Volume percent of O2 in dry flue gas. */
    public double percent() {
        return basis.percent();
    }

    /** The facility kind as the API and the CLI write it, e.g. {@code coal-fired-power-boiler}. */
    public String kind() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every {@link #kind()}, comma-separated: what a message lists when a kind is not known. */
    public static String kinds() {
        return Arrays.stream(values()).map(ReferenceOxygen::kind).collect(Collectors.joining(", "));
    }

    /** The facility kind by its {@link #kind()} or enum name, case-insensitive. */
    public static Optional<ReferenceOxygen> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(n)).findFirst();
    }
}
