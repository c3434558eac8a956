package org.envmon.ingest.journal;

/**
 * The journal holds something that is not a torn tail: a damaged record in a sealed segment, a foreign file, or a
 * format this version does not read. Startup stops rather than silently dropping acknowledged data.
 */
public class JournalCorruptException extends RuntimeException {
    public JournalCorruptException(String message) {
        super(message);
    }
}
