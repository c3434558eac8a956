package org.envmon.alerts.rules;

import java.util.Objects;

/** A rule built from its configuration record; the id is the configuration's. */
public abstract class ConfiguredRule<S extends RuleSpec> implements AlertRule {

    protected final S spec;

    protected ConfiguredRule(S spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public S spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }
}
