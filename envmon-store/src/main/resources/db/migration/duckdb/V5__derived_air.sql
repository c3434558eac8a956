-- Derived air data (issue 5), kept current by the recompute worker: hourly and daily AQI of every air station and
-- city (scope 'station' | 'city'). Concentrations in thousandths of the reported unit (ug/m3; CO mg/m3); a missing
-- daily value is NULL. Rows are replaced range by range (delete + insert in one transaction).
-- Hours are kept as one row per station or city and Beijing day (UTC+8, the HJ 663 evaluation day): 24 slots,
-- slot i = the hour starting at i:00 Beijing time; -1 = none (aqi, concentrations), 0 = none (mask, stations).
CREATE TABLE air_hourly (
    scope        VARCHAR NOT NULL,
    code         VARCHAR NOT NULL,
    day          DATE    NOT NULL,
    aqi          SMALLINT[24] NOT NULL,
    primary_mask SMALLINT[24] NOT NULL,
    stations     SMALLINT[24] NOT NULL,
    so2          INTEGER[24] NOT NULL,
    no2          INTEGER[24] NOT NULL,
    pm10         INTEGER[24] NOT NULL,
    pm25         INTEGER[24] NOT NULL,
    co           INTEGER[24] NOT NULL,
    o3           INTEGER[24] NOT NULL,
    o3_8h        INTEGER[24] NOT NULL
);

CREATE TABLE air_daily (
    scope        VARCHAR  NOT NULL,
    code         VARCHAR  NOT NULL,
    day          DATE     NOT NULL,
    aqi          SMALLINT,
    primary_mask SMALLINT NOT NULL,
    stations     SMALLINT NOT NULL,
    so2          INTEGER,
    no2          INTEGER,
    pm10         INTEGER,
    pm25         INTEGER,
    co           INTEGER,
    o3_8h_max    INTEGER,
    o3_1h_max    INTEGER,
    so2_hours    SMALLINT NOT NULL,
    no2_hours    SMALLINT NOT NULL,
    pm10_hours   SMALLINT NOT NULL,
    pm25_hours   SMALLINT NOT NULL,
    co_hours     SMALLINT NOT NULL,
    o3_hours     SMALLINT NOT NULL,
    o3_windows   SMALLINT NOT NULL
);

-- Hours of a site that arrived after the live recompute window: stored, flagged here, recomputed by command.
CREATE TABLE late_data (
    site_code   VARCHAR     NOT NULL,
    hour        TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (site_code, hour)
);
