package org.envmon.alerts.rules;

import java.util.Objects;
import org.envmon.standards.water.WaterRounding;

/**
 * What the deployment gives every rule type when its rules are loaded: the deployment-wide policies a rule follows
 * unless it sets its own ({@link RuleType.Configurator}). A new deployment-wide input joins as a component here, so the
 * loader's and the types' signatures stay as they are.
 *
 * @param waterRounding how GB 3838 values are rounded before they are classed (the deployment's
 *                      {@code envmon.water.rounding}); a water class rule's {@code rounding} setting overrides it
 */
public record LoadContext(WaterRounding waterRounding) {

    /** The shipped policies: water values rounded as the national publication rounds them. */
    public static final LoadContext DEFAULT = new LoadContext(WaterRounding.REPORTED);

    public LoadContext {
        Objects.requireNonNull(waterRounding, "waterRounding");
    }
}
