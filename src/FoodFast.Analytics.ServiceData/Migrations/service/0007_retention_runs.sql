-- One row per dataset per retention run: what was older than the cutoff and how many rows went.
create table retention_runs (
    id            bigint      generated always as identity primary key,
    run_id        uuid        not null,
    dataset       text        not null,
    trigger       text        not null check (trigger in ('schedule', 'manual')),
    cutoff        timestamptz,
    rows_deleted  bigint      not null default 0,
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    outcome       text        not null check (outcome in ('succeeded', 'failed', 'kept', 'lifecycle_policy')),
    error         text
);
create index retention_runs_dataset on retention_runs (dataset, started_at desc, id desc);
