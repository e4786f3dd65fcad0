-- Event metrics read type, user_id and session_id of a shop's window. A shop's events are spread over the whole
-- table, so the plain (shop_id, occurred_at) index made those reads one heap page per few rows; with the columns
-- included they are an index-only scan (bench/README.md, "Queries"). It replaces the plain index it extends.
create index events_shop_occurred_covering on events (shop_id, occurred_at) include (type, user_id, session_id);
drop index events_shop_occurred;
