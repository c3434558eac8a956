package org.envmon.ingest;

/** The sink did not take the packet (queue full or shutting down); the sender should retry later. */
public class IngestRejectedException extends RuntimeException {
    public IngestRejectedException(String message) {
        super(message, null, false, false);
    }
}
