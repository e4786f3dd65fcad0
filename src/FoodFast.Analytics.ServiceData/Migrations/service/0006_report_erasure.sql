-- Customer erasure (issue 9): a report whose file may have held an erased customer is deleted and its job marked
-- 'erased', so its download answers 410 and the listing says why the file is gone.
alter table report_jobs drop constraint if exists report_jobs_status_check;
alter table report_jobs add constraint report_jobs_status_check
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'expired', 'erased'));
