/**
 * The ingest log: the seam between the receivers (HJ 212 gateway, file imports) and everything that acts on
 * station data (the store writer, the alert engine, the live recompute of derived tables).
 *
 * <h2>Two halves</h2>
 * <ul>
 * <li>Producer: {@link org.envmon.ingest.log.IngestLog#append} takes an {@link org.envmon.ingest.log.IngestMessage}
 * (a station packet as EnvMon decoded it: MN, CN, QN, data time, the readings with their QC verdicts, the raw frame
 * as evidence; no store rows) and returns a stage completed when the message is durable. A receiver answers its
 * sender only then: HJ 212 stations resend what is not answered, so nothing answered is ever lost.</li>
 * <li>Consumers: registered by name ({@link org.envmon.ingest.log.IngestLog#subscribe}), each with its own
 * committed position; {@code poll} returns records in order, {@code commit(position)} says everything up to it is
 * processed, and a restart resumes after the last commit. A consumer may follow another (read only what that one
 * has committed): alerts and live evaluation follow the store writer ({@link org.envmon.ingest.log.IngestLog#STORE})
 * because they read the store. {@link org.envmon.ingest.log.ConsumerLoop} runs a consumer on its own thread.</li>
 * </ul>
 *
 * <h2>Guarantees (the contract a Kafka implementation keeps)</h2>
 * <ul>
 * <li>Key: the station MN ({@link org.envmon.ingest.log.IngestMessage#key()}). Order is kept per key, not across
 * stations; with Kafka the key picks the partition, so a station's packets stay in one partition, in order.</li>
 * <li>Durability: an append completes only when durable. Kafka: a producer with {@code acks=all},
 * {@code enable.idempotence=true}; the local journal: after its group's fsync; the in-memory log: once the store
 * writer has committed it (it has no durability of its own).</li>
 * <li>At-least-once delivery: a consumer that crashes between its work and its commit sees those records again
 * (Kafka: offsets committed after processing, {@code enable.auto.commit=false}), and a station resends what was not
 * answered in time. Consumers therefore deduplicate by the message's dedup key, built from (MN, CN, QN) or, for
 * HJ/T 212-2005 packets without QN, (MN, CN, data time): the store by its unique key,
 * other consumers by {@link org.envmon.ingest.log.RecentKeys}.</li>
 * <li>Positions: a {@link org.envmon.ingest.log.LogRecord#position()} is a Kafka offset; the local logs have one
 * partition, so a single number. With several partitions a consumer commits per partition.</li>
 * <li>Backpressure: an append that the log cannot take fails at once with
 * {@link org.envmon.ingest.IngestRejectedException}; the station is not answered and resends.</li>
 * </ul>
 *
 * <h2>Implementations</h2>
 * {@link org.envmon.ingest.log.InMemoryIngestLog} (group commit into the store, the default) and
 * {@link org.envmon.ingest.journal.JournalLog} (the local write-ahead journal, answers after fsync). Consumer
 * positions of the in-memory log live only in memory; the journal keeps them in checkpoint files.
 */
package org.envmon.ingest.log;
