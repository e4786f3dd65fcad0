-- Report schedules: a Quartz cron expression read in an IANA time zone; each firing queues a report job.
create table report_schedules (
    id             uuid        primary key,
    shop_id        text,
    name           text        not null,
    kind           text        not null,
    format         text        not null,
    parameters     jsonb       not null,
    cron           text        not null,
    time_zone      text        not null,
    enabled        boolean     not null,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index report_schedules_shop on report_schedules (shop_id, created_at desc);

-- Report jobs: one row per requested (or scheduled) report, from queued to a file (or an error).
create table report_jobs (
    id             uuid        primary key,
    shop_id        text,
    kind           text        not null,
    format         text        not null,
    parameters     jsonb       not null,
    status         text        not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'expired')),
    progress       integer     not null default 0 check (progress between 0 and 100),
    rows_written   bigint      not null default 0,
    file_key       text,
    file_name      text,
    size_bytes     bigint,
    sha256         text,
    content_type   text,
    error          text,
    requested_by   text        not null,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    expires_at     timestamptz,
    attempts       integer     not null default 0,
    schedule_id    uuid        references report_schedules (id) on delete set null
);
create index report_jobs_shop_created on report_jobs (shop_id, created_at desc, id);
create index report_jobs_expires on report_jobs (expires_at) where status = 'succeeded';
create index report_jobs_schedule on report_jobs (schedule_id, created_at desc) where schedule_id is not null;
