-- Accepted orders and events wait here until the indexer has moved them into the analytics store.
create sequence ingest_log_id_seq as bigint;

create table ingest_log (
    id              bigint primary key,
    kind            smallint not null,
    shop_id         text not null,
    payload         bytea not null,
    received_at     timestamptz not null default now(),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index ingest_log_due on ingest_log (next_attempt_at, id);

-- Items the store can never take, with the reason; replayable once the cause is fixed.
create table ingest_dead_letters (
    id          bigint primary key,
    kind        smallint not null,
    shop_id     text not null,
    payload     bytea not null,
    received_at timestamptz not null,
    failed_at   timestamptz not null default now(),
    attempts    integer not null,
    reason      text not null
);
create index ingest_dead_letters_shop on ingest_dead_letters (shop_id, id);
