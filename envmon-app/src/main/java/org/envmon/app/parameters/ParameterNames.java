package org.envmon.app.parameters;

import org.envmon.hj212.ParameterCatalogue;
import org.springframework.stereotype.Component;

/** Names and units of HJ 212 parameter codes for API answers, from the codec's parameter catalogue. */
@Component
public class ParameterNames {
    public record Entry(String name, String unit) {
    }

    private final ParameterCatalogue catalogue = ParameterCatalogue.standard();

    /** @return null for a code the catalogue does not know */
    public Entry find(String code) {
        return catalogue.find(code).map(p -> new Entry(p.nameEn() + " / " + p.nameZh(), p.unit())).orElse(null);
    }
}
