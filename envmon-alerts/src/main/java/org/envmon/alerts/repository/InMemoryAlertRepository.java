package org.envmon.alerts.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.AlertState;

/**
 * Alerts in memory, lost on restart. Active alerts are kept however many there are; of the closed ones only the
 * newest {@code closedRetention} are kept. Thread-safe (one lock; alert traffic is small).
 */
public final class InMemoryAlertRepository implements AlertRepository {
    private final AtomicLong ids = new AtomicLong();
    private final TreeMap<Long, Alert> byId = new TreeMap<>();
    private final Map<AlertKey, Long> active = new HashMap<>();
    private final TreeMap<Long, Alert> closed = new TreeMap<>();
    private final int closedRetention;

    public InMemoryAlertRepository(int closedRetention) {
        if (closedRetention < 1) {
            throw new IllegalArgumentException("closedRetention must be >= 1");
        }
        this.closedRetention = closedRetention;
    }

    public InMemoryAlertRepository() {
        this(10_000);
    }

    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public synchronized void save(Alert alert) {
        Alert before = byId.put(alert.id(), alert);
        if (before != null && before.state().active()) {
            active.remove(before.key(), before.id());
        }
        if (alert.state().active()) {
            active.put(alert.key(), alert.id());
        } else {
            closed.put(alert.id(), alert);
            while (closed.size() > closedRetention) {
                byId.remove(closed.pollFirstEntry().getKey());
            }
        }
    }

    @Override
    public synchronized Optional<Alert> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Alert> findActive(AlertKey key) {
        Long id = active.get(key);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Alert> list(AlertState state, int limit) {
        List<Alert> out = new ArrayList<>(Math.min(limit, 256));
        for (Alert a : byId.descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            if (state == null || a.state() == state) {
                out.add(a);
            }
        }
        return out;
    }
}
