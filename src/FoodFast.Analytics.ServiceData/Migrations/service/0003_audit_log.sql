-- Who did what to which resource of which shop, and how it ended. Append-only.
create table audit_log (
    id        bigint      generated always as identity primary key,
    at        timestamptz not null,
    actor     text        not null,
    key_id    uuid,
    action    text        not null,
    resource  text        not null,
    shop_id   text,
    outcome   text        not null
);

create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_shop_at on audit_log (shop_id, at desc);
create index audit_log_action_at on audit_log (action, at desc);
