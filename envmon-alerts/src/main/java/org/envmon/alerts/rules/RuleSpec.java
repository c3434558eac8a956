package org.envmon.alerts.rules;

import org.envmon.model.alert.Severity;

/** The configuration class of a rule type: a record holding the {@link RuleBasics} and the type's own settings. */
public interface RuleSpec {

    RuleBasics basics();

    default String id() {
        return basics().id();
    }

    default Severity severity() {
        return basics().severity();
    }

    default String label() {
        return basics().label();
    }
}
