package org.envmon.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.envmon.evaluation.Recompute;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.model.DerivedStore;
import org.envmon.model.SiteQuery;
import org.envmon.model.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code envmon recompute}: rebuilds the derived air data (hourly and daily AQI of stations and cities) for a day
 * range, or for the late data the live worker flagged. Run it with the platform stopped when the store is the
 * embedded DuckDB file (one process per file).
 */
@Command(name = "recompute", mixinStandardHelpOptions = true,
        description = {"Recompute the derived air data (station and city hourly/daily AQI) from the stored values.",
                "Either a day range (--from/--to, Beijing dates, inclusive; optionally --city) or --late: the hours"
                        + " flagged as late data by the live worker, whose flags are cleared once recomputed."})
public class RecomputeCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
    LocalDate to;

    @Option(names = "--city", paramLabel = "NAME", description = "Only this city (repeatable); default every city"
            + " and station.")
    List<String> cities;

    @Option(names = "--late", description = "Recompute the hours flagged as late data, then clear their flags.")
    boolean late;

    @Mixin
    StoreOptions storeOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (late == (from != null || to != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either --from and --to, or --late");
        }
        if (!late && (from == null || to == null || to.isBefore(from))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--from and --to are both needed, --from not after --to");
        }
        try (Store store = storeOptions.openExisting()) {
            AirDerivation d = new AirDerivation(store.sites(), store.observations(), store.derived());
            if (late) {
                return late(store, d);
            }
            AirDerivation.Result r = cities == null || cities.isEmpty() ? d.recomputeAll(from, to)
                    : d.recompute(new AirDerivation.Selection(Set.copyOf(cities), Set.of()), from, to, c -> { });
            System.out.printf("Recomputed %s .. %s: %d stations, %d cities, %d hour rows, %d day rows in %.1f s%n",
                    from, to, r.stations(), r.cities(), r.hourRows(), r.dayRows(), r.took().toMillis() / 1e3);
            return 0;
        }
    }

    private static int late(Store store, AirDerivation d) {
        List<DerivedStore.Late> flags = store.derived().late(Integer.MAX_VALUE);
        if (flags.isEmpty()) {
            System.out.println("No late data flagged.");
            return 0;
        }
        var sites = Recompute.lookup(store.sites().list(SiteQuery.all()));
        List<Recompute.Change> changes = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        Instant first = flags.get(0).hour();
        Instant last = first;
        for (DerivedStore.Late l : flags) {
            if (sites.apply(l.site()) == null) {
                unknown.add(l.site());
                continue;
            }
            changes.add(new Recompute.Change(l.site(), null, l.hour()));
            last = l.hour().isAfter(last) ? l.hour() : last;
        }
        AirDerivation.Result r = d.applyChanges(changes, sites, c -> { });
        long cleared = store.derived().clearLate(first, last.plusSeconds(3600));
        System.out.printf("Recomputed %d late hours (%s .. %s): %d stations, %d cities, %d hour rows, %d day rows"
                + " in %.1f s; %d flags cleared%s%n", flags.size(), first, last, r.stations(), r.cities(),
                r.hourRows(), r.dayRows(), r.took().toMillis() / 1e3, cleared,
                unknown.isEmpty() ? "" : "; sites no longer registered: " + unknown);
        return 0;
    }
}
