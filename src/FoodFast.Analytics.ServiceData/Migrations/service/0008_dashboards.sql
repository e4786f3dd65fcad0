-- Saved dashboards: a shop's named, ordered widgets (each an AnalyticsQuery with a chart type and title).
create table dashboards (
    id          uuid        primary key,
    shop_id     text        not null,
    name        text        not null,
    owner       text        not null,
    is_public   boolean     not null,
    widgets     jsonb       not null,
    version     integer     not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index dashboards_shop_updated on dashboards (shop_id, updated_at desc, id);
