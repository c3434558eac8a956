package org.envmon.ingest.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of importing one or more files: counts and every problem found. */
public final class ImportReport {
    private long rowsRead;
    private long rowsImported;
    private long valuesStored;
    private long duplicates;
    private long sitesCreated;
    private final List<ImportProblem> problems = new ArrayList<>();
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
        problems.add(p);
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

    public synchronized List<ImportProblem> problems() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    @Override
    public synchronized String toString() {
        return "rows read " + rowsRead + ", imported " + rowsImported + ", values stored " + valuesStored
                + ", duplicates " + duplicates + ", sites created " + sitesCreated + ", problems " + problems.size();
    }
}
