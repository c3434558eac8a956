package org.envmon.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The wire form of the model's enumerations: the constant's name in lower case ({@code surface_water}). */
public final class Codes {
    private Codes() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose code is {@code code} (any case, surrounding blanks ignored).
     *
     * @param what the value's name in the message, e.g. "interval"
     * @throws IllegalArgumentException naming the accepted values
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String what, String code) {
        E[] constants = type.getEnumConstants();
        for (E e : constants) {
            if (of(e).equalsIgnoreCase(code.trim())) {
                return e;
            }
        }
        List<String> codes = Arrays.stream(constants).map(Codes::of).toList();
        String expected = codes.size() == 1 ? codes.get(0) : String.join(", ", codes.subList(0, codes.size() - 1))
                + " or " + codes.get(codes.size() - 1);
        throw new IllegalArgumentException("unknown " + what + " '" + code + "'; expected " + expected);
    }
}
