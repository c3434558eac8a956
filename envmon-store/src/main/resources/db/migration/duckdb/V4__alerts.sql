-- Alerts of the early-warning engine (issue 5), so that they survive a restart. Same logical schema as
-- db/migration/postgresql/V4__alerts.sql. Written only by the alert engine (one writer); see org.envmon.store.AlertStore.

-- Alert ids. A sequence, not max(id) + 1: an id is never handed out twice, even if the newest alerts were removed.
CREATE SEQUENCE alerts_id_seq START 1;

-- One row per alert, replaced by id on every change. Codes are lower case: subject_type site | city, severity
-- info | warning | major | critical, state open | acknowledged | closed. parameter is '' when the rule has none.
-- active_key is derived by the store: a text form of (rule_id, subject, parameter) while the alert is open or
-- acknowledged, NULL once closed. Its UNIQUE constraint keeps at most one active alert per key and its index serves
-- the "active alert of this key" lookup (DuckDB has no partial indexes).
CREATE TABLE alerts (
    id           BIGINT PRIMARY KEY,
    rule_id      VARCHAR NOT NULL,
    subject_type VARCHAR NOT NULL,
    subject      VARCHAR NOT NULL,
    parameter    VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL,
    state        VARCHAR NOT NULL CHECK (state IN ('open', 'acknowledged', 'closed')),
    active_key   VARCHAR UNIQUE,
    opened_at    TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    closed_at    TIMESTAMPTZ,
    data_time    TIMESTAMPTZ,
    value        DOUBLE NOT NULL,
    last_value   DOUBLE NOT NULL,
    peak_value   DOUBLE NOT NULL,
    threshold    DOUBLE,
    message      VARCHAR,
    ack_note     VARCHAR,
    ack_operator VARCHAR,
    closed_by    VARCHAR
);

-- An alert's history, oldest first (seq 0, 1, ...); from_state is NULL for the opening step. Replaced with the alert.
CREATE TABLE alert_transitions (
    alert_id   BIGINT NOT NULL,
    seq        INTEGER NOT NULL,
    from_state VARCHAR,
    to_state   VARCHAR NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    operator   VARCHAR,
    note       VARCHAR,
    PRIMARY KEY (alert_id, seq)
);
