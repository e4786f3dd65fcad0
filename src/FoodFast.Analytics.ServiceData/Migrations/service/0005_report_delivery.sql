-- Report delivery (issue 11): a schedule's targets (e-mail, webhook), copied onto each job it queues, where each
-- target's outcome (status, attempts, last error, delivered at) is recorded next to it.
alter table report_schedules add column delivery jsonb not null default '[]';
alter table report_jobs add column delivery jsonb not null default '[]';

-- Secrets the service generates for itself when none is configured (the download-link signing key), shared by
-- every instance on this database so a link signed by one verifies on another.
create table service_secrets (
    name        text        primary key,
    value       text        not null,
    created_at  timestamptz not null default now()
);
