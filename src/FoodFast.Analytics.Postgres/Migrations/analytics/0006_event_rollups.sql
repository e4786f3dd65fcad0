-- Hourly rollups of activity events, kept like those of orders (0005). Most event metrics are distinct counts, which
-- sums cannot give; so a row keeps the session and the user themselves: counting distinct sessions (or users) over the
-- rollup rows of a range counts exactly those of its events, with one row per session, user and hour instead of one
-- per event. One grouping set (Postgres/Queries/Rollups.cs): session and user. A set with the event's type as well was
-- dropped: a session holds about as many types as events, so it saved little reading and cost ingestion the most.
-- The service only inserts and deletes events (erasure, retention); an update is followed all the same.

create table event_rollups (
    shop_id      text not null,
    grouping_set smallint not null,
    hour         timestamptz not null,
    session_id   text,
    user_id      text,
    events       bigint not null,
    purchases    bigint not null,
    reviews      bigint not null,
    rating_sum   numeric not null,
    constraint event_rollups_key unique nulls not distinct (shop_id, grouping_set, hour, session_id, user_id)
) with (fillfactor = 70);

create function event_rollups_sql(changes text) returns text language sql immutable as $f$
select format($sql$
    insert into event_rollups as r (shop_id, grouping_set, hour, session_id, user_id, events, purchases, reviews, rating_sum)
    select e.shop_id, 0::smallint, date_trunc('hour', e.occurred_at, 'UTC'), e.session_id, e.user_id,
           sum(e.sign), coalesce(sum(e.sign) filter (where e.type in ('purchase', 'checkout_complete')), 0),
           coalesce(sum(e.sign) filter (where e.rating is not null), 0), coalesce(sum(e.sign * e.rating), 0)
    from (%s) e
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict on constraint event_rollups_key do update set
        events = r.events + excluded.events, purchases = r.purchases + excluded.purchases,
        reviews = r.reviews + excluded.reviews, rating_sum = r.rating_sum + excluded.rating_sum
    $sql$, changes)
$f$;

select follow_with_rollup('events', 'event_rollups', 'event_rollups_sql');

do $f$
begin
    execute event_rollups_sql('select 1 as sign, * from events');
end
$f$;
