package org.envmon.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Immutable open-addressing table from code bytes (as received) to the interned original code, the HJ 212-2017 code
 * and the catalogue row, so the decoder maps codes without allocating (digest §9.4 legacy table).
 */
final class CodeTable {

    static final class Entry {
        final byte[] key;
        final String original;
        final String code;
        final Parameter parameter;

        Entry(byte[] key, String original, String code, Parameter parameter) {
            this.key = key;
            this.original = original;
            this.code = code;
            this.parameter = parameter;
        }
    }

    private final Entry[] slots;
    private final int mask;

    CodeTable(ParameterCatalogue catalogue) {
        int n = 16;
        while (n < catalogue.all().size() * 4) {
            n <<= 1;
        }
        slots = new Entry[n];
        mask = n - 1;
        for (Parameter p : catalogue.all()) {
            // The first row of a code is the one find(code) returns; later rows only add their legacy code.
            if (lookupString(p.code()) == null) {
                Parameter first = catalogue.find(p.code()).orElse(p);
                put(new Entry(bytes(p.code()), p.code(), p.code(), first));
            }
            if (p.legacyCode() != null && lookupString(p.legacyCode()) == null) {
                put(new Entry(bytes(p.legacyCode()), p.legacyCode(), p.code(), p));
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void put(Entry e) {
        int i = hash(e.key, 0, e.key.length) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = e;
    }

    private Entry lookupString(String s) {
        byte[] b = bytes(s);
        return lookup(b, 0, b.length);
    }

    static int hash(byte[] b, int off, int len) {
        int h = len;
        for (int i = off, end = off + len; i < end; i++) {
            h = h * 31 + b[i];
        }
        return h ^ (h >>> 7);
    }

    /** The entry for the code bytes, or null if not in the catalogue. */
    Entry lookup(byte[] b, int off, int len) {
        int i = hash(b, off, len) & mask;
        Entry e;
        while ((e = slots[i]) != null) {
            byte[] k = e.key;
            if (k.length == len) {
                int j = 0;
                while (j < len && k[j] == b[off + j]) {
                    j++;
                }
                if (j == len) {
                    return e;
                }
            }
            i = (i + 1) & mask;
        }
        return null;
    }
}
