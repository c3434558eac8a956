package org.envmon.alerts.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.envmon.alerts.Alert;
import org.envmon.alerts.AlertKey;
import org.envmon.alerts.AlertState;
import org.envmon.alerts.Severity;
import org.envmon.alerts.SubjectType;
import org.envmon.alerts.Transition;
import org.envmon.model.AlertStore;
import org.envmon.model.StoreException;
import org.envmon.model.StoredAlert;

/**
 * Alerts kept in the store ({@link org.envmon.model.Store#alerts()}, both engines), so that they survive a restart.
 * Every alert is kept (there is no retention of closed alerts, unlike {@link InMemoryAlertRepository}). Ids come from
 * the store's sequence and never repeat. Times are kept to the microsecond: an alert read back may differ from the
 * one saved below that. Thread-safe (each call is its own database statement or transaction).
 */
public final class StoreAlertRepository implements AlertRepository {
    private final AlertStore store;

    public StoreAlertRepository(AlertStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public long nextId() {
        return store.nextId();
    }

    @Override
    public void save(Alert alert) {
        store.save(toStored(alert));
    }

    @Override
    public Optional<Alert> find(long id) {
        return store.find(id).map(StoreAlertRepository::fromStored);
    }

    @Override
    public Optional<Alert> findActive(AlertKey key) {
        return store.findActive(key.ruleId(), key.subject(), key.parameter()).map(StoreAlertRepository::fromStored);
    }

    @Override
    public List<Alert> list(AlertState state, int limit) {
        return store.list(state == null ? null : state.code(), limit).stream()
                .map(StoreAlertRepository::fromStored).toList();
    }

    /** Every transition stored is one event the engine published, so numbering continues from their count. */
    @Override
    public long lastEventSequence() {
        return store.transitionCount();
    }

    static StoredAlert toStored(Alert a) {
        List<StoredAlert.Transition> history = new ArrayList<>(a.history().size());
        for (Transition t : a.history()) {
            history.add(new StoredAlert.Transition(t.from() == null ? null : t.from().code(), t.to().code(), t.at(),
                    t.operator(), t.note()));
        }
        return new StoredAlert(a.id(), a.ruleId(), a.subjectType().code(), a.subject(), a.parameter(),
                a.severity().code(), a.state().code(), a.openedAt(), a.updatedAt(), a.closedAt(), a.dataTime(),
                a.value(), a.lastValue(), a.peakValue(), a.threshold(), a.message(), a.ackNote(), a.ackOperator(),
                a.closedBy(), history);
    }

    static Alert fromStored(StoredAlert s) {
        try {
            List<Transition> history = new ArrayList<>(s.history().size());
            for (StoredAlert.Transition t : s.history()) {
                history.add(new Transition(t.from() == null ? null : AlertState.fromCode(t.from()),
                        AlertState.fromCode(t.to()), t.at(), t.operator(), t.note()));
            }
            return new Alert(s.id(), s.ruleId(), SubjectType.valueOf(s.subjectType().toUpperCase(Locale.ROOT)),
                    s.subject(), s.parameter(), Severity.fromCode(s.severity()), AlertState.fromCode(s.state()),
                    s.openedAt(), s.updatedAt(), s.closedAt(), s.dataTime(), s.value(), s.lastValue(), s.peakValue(),
                    s.threshold(), s.message(), s.ackNote(), s.ackOperator(), s.closedBy(), history);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored alert " + s.id() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
