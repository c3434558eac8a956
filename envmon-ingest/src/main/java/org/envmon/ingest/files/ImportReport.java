package org.envmon.ingest.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of importing one or more files: counts, the problems counted by kind, and the first
 * {@value #KEPT_PROBLEMS} problems with their place (a broken file cannot fill the memory with problems).
 */
public final class ImportReport {
    /** Problems kept with their place; the rest are only counted. */
    public static final int KEPT_PROBLEMS = 1000;

    private long rowsRead;
    private long rowsImported;
    private long valuesStored;
    private long duplicates;
    private long sitesCreated;
    private long problemCount;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Long> problemsByKind = new LinkedHashMap<>();
    private java.time.Instant firstTime;
    private java.time.Instant lastTime;

    public synchronized void rowRead() {
        rowsRead++;
    }

    public synchronized void rowImported() {
        rowsImported++;
    }

    public synchronized void valuesStored(long n) {
        valuesStored += n;
    }

    /** An observation time of the imported data (interval start); the range tells what to recompute. */
    public synchronized void timeSeen(java.time.Instant t) {
        firstTime = firstTime == null || t.isBefore(firstTime) ? t : firstTime;
        lastTime = lastTime == null || t.isAfter(lastTime) ? t : lastTime;
    }

    /** Earliest observation time imported (stored or already there), or empty. */
    public synchronized java.util.Optional<java.time.Instant> firstTime() {
        return java.util.Optional.ofNullable(firstTime);
    }

    /** Latest observation time imported, or empty. */
    public synchronized java.util.Optional<java.time.Instant> lastTime() {
        return java.util.Optional.ofNullable(lastTime);
    }

    public synchronized void duplicate() {
        duplicates++;
    }

    public synchronized void sitesCreated(long n) {
        sitesCreated += n;
    }

    public synchronized void problem(ImportProblem p) {
        problemCount++;
        problemsByKind.merge(p.kind(), 1L, Long::sum);
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(p);
        }
    }

    public synchronized long rowsRead() {
        return rowsRead;
    }

    public synchronized long rowsImported() {
        return rowsImported;
    }

    public synchronized long valuesStored() {
        return valuesStored;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long sitesCreated() {
        return sitesCreated;
    }

    /** The first {@value #KEPT_PROBLEMS} problems, in the order found. */
    public synchronized List<ImportProblem> problems() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** Every problem found, including those not kept. */
    public synchronized long problemCount() {
        return problemCount;
    }

    /** Problems counted by {@link ImportProblem#kind()}, most frequent first. */
    public synchronized Map<String, Long> problemsByKind() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        problemsByKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    @Override
    public synchronized String toString() {
        return "rows read " + rowsRead + ", imported " + rowsImported + ", values stored " + valuesStored
                + ", duplicates " + duplicates + ", sites created " + sitesCreated + ", problems " + problemCount;
    }
}
