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

    public synchronized void rowRead() {
        rowsRead++;
    }

    public synchronized void rowImported() {
        rowsImported++;
    }

    public synchronized void valuesStored(long n) {
        valuesStored += n;
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
