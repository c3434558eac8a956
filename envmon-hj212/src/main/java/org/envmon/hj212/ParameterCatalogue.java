package org.envmon.hj212;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HJ 212 parameter catalogue, loaded from {@code org/envmon/hj212/parameters.csv} (HJ 212-2017 Annex B codes and
 * the 2005→2017 legacy code table, digest §9.4). Immutable and thread-safe.
 */
public final class ParameterCatalogue {

    private static final String RESOURCE = "/org/envmon/hj212/parameters.csv";
    private static volatile ParameterCatalogue standard;

    private final List<Parameter> all;
    private final Map<String, List<Parameter>> byCode;
    private final Map<String, Parameter> byLegacy;

    private ParameterCatalogue(List<Parameter> rows) {
        this.all = Collections.unmodifiableList(rows);
        Map<String, List<Parameter>> bc = new HashMap<>();
        Map<String, Parameter> bl = new HashMap<>();
        for (Parameter p : rows) {
            List<Parameter> l = bc.computeIfAbsent(p.code(), k -> new ArrayList<>(2));
            for (Parameter q : l) {
                if (q.category() == p.category()) {
                    throw new IllegalArgumentException("duplicate code/category: " + p.code() + "/" + p.category());
                }
            }
            l.add(p);
            if (p.legacyCode() != null && bl.put(p.legacyCode(), p) != null) {
                throw new IllegalArgumentException("duplicate legacy code: " + p.legacyCode());
            }
        }
        this.byCode = bc;
        this.byLegacy = bl;
    }

    /** The bundled catalogue (loaded once). */
    public static ParameterCatalogue standard() {
        ParameterCatalogue c = standard;
        if (c == null) {
            synchronized (ParameterCatalogue.class) {
                c = standard;
                if (c == null) {
                    try (InputStream in = ParameterCatalogue.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        c = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = c;
                }
            }
        }
        return c;
    }

    /** Parses a catalogue in the parameters.csv format (header row, '#' comments, no quoting, 8 columns). */
    public static ParameterCatalogue parse(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Parameter> rows = new ArrayList<>();
        String line;
        boolean header = true;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                if (!line.startsWith("code,legacy_code,name_zh,name_en,unit,decimals,category")) {
                    throw new IOException("bad header at line " + no + ": " + line);
                }
                header = false;
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length != 8) {
                throw new IOException("line " + no + ": expected 8 columns, got " + c.length);
            }
            rows.add(new Parameter(c[0], c[1].isEmpty() ? null : c[1], c[2], c[3], c[4], Integer.parseInt(c[5]),
                Parameter.Category.of(c[6]), c[7]));
        }
        return new ParameterCatalogue(new ArrayList<>(rows));
    }

    /** All rows in file order. */
    public List<Parameter> all() {
        return all;
    }

    /**
     * Lookup by HJ 212-2017 code (first row in file order, i.e. the ambient/surface-water row when a code is listed
     * for several categories) or, failing that, by HJ/T 212-2005 legacy code.
     */
    public Optional<Parameter> find(String code) {
        List<Parameter> l = byCode.get(code);
        if (l != null) {
            return Optional.of(l.get(0));
        }
        return Optional.ofNullable(byLegacy.get(code));
    }

    /** Lookup by code within a category. */
    public Optional<Parameter> find(String code, Parameter.Category category) {
        List<Parameter> l = byCode.get(code);
        if (l != null) {
            for (Parameter p : l) {
                if (p.category() == category) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Every row for a 2017 code. */
    public List<Parameter> findAll(String code) {
        List<Parameter> l = byCode.get(code);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    /** Lookup by HJ/T 212-2005 legacy code only. */
    public Optional<Parameter> findLegacy(String legacyCode) {
        return Optional.ofNullable(byLegacy.get(legacyCode));
    }

    /** The 2017 code for a code as received: mapped if it is a known legacy code, else unchanged. */
    public String toCode2017(String code) {
        Parameter p = byLegacy.get(code);
        return p != null && !byCode.containsKey(code) ? p.code() : code;
    }
}
