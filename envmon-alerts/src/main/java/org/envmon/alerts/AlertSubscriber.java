package org.envmon.alerts;

/**
 * Receives every {@link AlertEvent}. Called on the thread that made the change (the engine's worker, or an API
 * thread for acknowledge and close), in sequence order per alert: an implementation must hand the event over
 * (queue it) and return, never block.
 */
@FunctionalInterface
public interface AlertSubscriber {
    void onEvent(AlertEvent event);
}
