package org.envmon.store;

import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.StoredPacket;
import org.envmon.model.WriteOutcome;

import java.util.List;
import java.util.Optional;

/**
 * A real store behind a test's hand on {@link #write}: subclasses hold, slow down or fail commits while every read
 * goes to the real store unchanged.
 */
public abstract class ForwardingObservationStore implements ObservationStore {
    protected final ObservationStore delegate;

    protected ForwardingObservationStore(ObservationStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<WriteOutcome> write(List<PacketWrite> batch) {
        return delegate.write(batch);
    }

    @Override
    public List<Observation> query(ObservationQuery query) {
        return delegate.query(query);
    }

    @Override
    public void hourlyValues(HourlyValuesQuery query, HourlyValuesQuery.Sink sink) {
        delegate.hourlyValues(query, sink);
    }

    @Override
    public List<Observation> latest(String siteCode) {
        return delegate.latest(siteCode);
    }

    @Override
    public Optional<StoredPacket> packet(long id) {
        return delegate.packet(id);
    }

    @Override
    public long observationCount() {
        return delegate.observationCount();
    }

    @Override
    public long packetCount() {
        return delegate.packetCount();
    }
}
