package org.envmon.store;

import org.envmon.model.DerivedStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Test helpers: derived reads into lists. */
public final class DerivedStoreReads {
    private DerivedStoreReads() {
    }

    public static List<DerivedStore.Hour> hours(DerivedStore d, DerivedStore.Scope scope, Collection<String> codes,
            Instant from, Instant to) {
        List<DerivedStore.Hour> out = new ArrayList<>();
        d.hours(scope, codes, from, to, out::add);
        return out;
    }

    public static List<DerivedStore.Day> days(DerivedStore d, DerivedStore.Scope scope, Collection<String> codes,
            LocalDate from, LocalDate to) {
        List<DerivedStore.Day> out = new ArrayList<>();
        d.days(scope, codes, from, to, out::add);
        return out;
    }
}
