-- Audit records join the hash chain (kind 'audit', see envmon-store/CHAIN.md). Records appended before this
-- migration are not chained: verify counts them as legacy, as it does packets stored before the chain existed.
-- Same logical schema as db/migration/duckdb/V14__audit_chain.sql.
ALTER TABLE chain_head ADD COLUMN first_chained_audit_id BIGINT NOT NULL DEFAULT 0;
UPDATE chain_head SET first_chained_audit_id = (SELECT coalesce(max(id), 0) + 1 FROM audit_log);
