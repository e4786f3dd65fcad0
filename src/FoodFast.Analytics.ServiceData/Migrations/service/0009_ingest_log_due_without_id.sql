-- The ingest log's statistics are always stale (it is empty whenever it is analysed, full under load), and with
-- (next_attempt_at, id) the planner used this index for the indexer's `delete ... where id = any($1)`: a scan of the
-- whole index per settled batch, on CPU for 8 ms per 60 ids under single-event load. Without id, lookups by id can
-- only use the primary key.
drop index if exists ingest_log_due;
create index ingest_log_due on ingest_log (next_attempt_at);
