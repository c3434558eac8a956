package org.envmon.ingest.log;

/**
 * A message as a consumer reads it, with its position in the log (a Kafka offset; positions start at 1 and only
 * grow).
 */
public record LogRecord(long position, IngestMessage message) {
}
