-- Hourly rollups of orders and order lines per shop, kept by triggers in the writing transaction, so they are never
-- behind the rows they sum. A row sums the orders (or lines) of one shop placed at one instant's UTC hour, for one
-- grouping set of dimensions: Postgres/Queries/Rollups.cs lists the sets, which dimensions each carries (the others
-- are null) and which metrics it can answer. `basis` says which instant placed them: 0 created_at, 1 refunded_at,
-- 2 cancelled_at (a refund is booked on its own hour, as the metrics define it).
-- The triggers add the new rows and subtract the old ones of every insert, update and delete, whichever path wrote
-- them (ingestion, status changes, erasure, retention), so late, repeated and out-of-order versions end up exactly
-- where the rows are. A group whose orders fall to 0 keeps a zero row, which queries skip. Pages are left 30 % free so
-- that adding to a row's counters can stay on its page (a HOT update) instead of adding index entries.

create table order_rollups (
    shop_id        text not null,
    grouping_set   smallint not null,
    basis          smallint not null,
    hour           timestamptz not null,
    currency       text not null,
    status         text,
    channel        text,
    payment_method text,
    country        text,
    city           text,
    orders         bigint not null,
    free_shipping  bigint not null,
    subtotal       numeric not null,
    discount       numeric not null,
    tax            numeric not null,
    shipping       numeric not null,
    total          numeric not null,
    units          bigint not null,
    constraint order_rollups_key unique nulls not distinct
        (shop_id, grouping_set, basis, hour, currency, status, channel, payment_method, country, city)
) with (fillfactor = 70);

create table order_item_rollups (
    shop_id           text not null,
    grouping_set      smallint not null,
    hour              timestamptz not null,
    currency          text not null,
    category          text,
    brand             text,
    product_id        text,
    product_name      text,
    lines             bigint not null,
    quantity          bigint not null,
    line_total        numeric not null,
    costed_line_total numeric not null,
    line_cost         numeric not null,
    constraint order_item_rollups_key unique nulls not distinct
        (shop_id, grouping_set, hour, currency, category, brand, product_id, product_name)
) with (fillfactor = 70);

-- The statement that adds `changes` (a query of rows with a `sign` column, +1 or -1) to the rollups. A trigger can
-- only read its transition tables itself, so each trigger EXECUTEs this text; the backfill below runs it over the table.
create function order_rollups_sql(changes text) returns text language sql immutable as $f$
select format($sql$
    insert into order_rollups as r (shop_id, grouping_set, basis, hour, currency, status, channel, payment_method, country, city,
                                    orders, free_shipping, subtotal, discount, tax, shipping, total, units)
    select o.shop_id, g.grouping_set, b.basis, date_trunc('hour', b.at, 'UTC'), o.currency, g.status, g.channel, g.payment_method,
           g.country, g.city, sum(o.sign), sum(o.sign * (o.shipping = 0)::int), sum(o.sign * o.subtotal), sum(o.sign * o.discount),
           sum(o.sign * o.tax), sum(o.sign * o.shipping), sum(o.sign * o.total), sum(o.sign * o.units)
    from (%s) o
    cross join lateral (values (0::smallint, o.created_at), (1::smallint, o.refunded_at), (2::smallint, o.cancelled_at)) b(basis, at)
    cross join lateral (values
        (0::smallint, null::text, null::text, null::text, null::text, null::text),
        (1::smallint, o.status, null, null, null, null),
        (2::smallint, null, o.channel, null, null, null),
        (3::smallint, null, null, o.payment_method, null, null),
        (4::smallint, null, null, null, o.country, o.city)) g(grouping_set, status, channel, payment_method, country, city)
    where b.at is not null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(o.sign) <> 0 or sum(o.sign * o.total) <> 0 or sum(o.sign * o.subtotal) <> 0 or sum(o.sign * o.discount) <> 0
        or sum(o.sign * o.tax) <> 0 or sum(o.sign * o.shipping) <> 0 or sum(o.sign * o.units) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    on conflict on constraint order_rollups_key do update set
        orders = r.orders + excluded.orders, free_shipping = r.free_shipping + excluded.free_shipping,
        subtotal = r.subtotal + excluded.subtotal, discount = r.discount + excluded.discount, tax = r.tax + excluded.tax,
        shipping = r.shipping + excluded.shipping, total = r.total + excluded.total, units = r.units + excluded.units
    $sql$, changes)
$f$;

create function order_item_rollups_sql(changes text) returns text language sql immutable as $f$
select format($sql$
    insert into order_item_rollups as r (shop_id, grouping_set, hour, currency, category, brand, product_id, product_name,
                                         lines, quantity, line_total, costed_line_total, line_cost)
    select i.shop_id, g.grouping_set, date_trunc('hour', i.created_at, 'UTC'), i.currency, g.category, g.brand, g.product_id,
           g.product_name, sum(i.sign), sum(i.sign * i.quantity), sum(i.sign * i.line_total),
           coalesce(sum(i.sign * i.line_total) filter (where i.unit_cost is not null), 0),
           coalesce(sum(i.sign * i.quantity * i.unit_cost), 0)
    from (%s) i
    cross join lateral (values
        (0::smallint, null::text, null::text, null::text, null::text),
        (1::smallint, i.category, null, null, null),
        (2::smallint, i.category, i.brand, i.product_id, i.product_name)) g(grouping_set, category, brand, product_id, product_name)
    group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(i.sign) <> 0 or sum(i.sign * i.quantity) <> 0 or sum(i.sign * i.line_total) <> 0
        or coalesce(sum(i.sign * i.quantity * i.unit_cost), 0) <> 0
        or coalesce(sum(i.sign * i.line_total) filter (where i.unit_cost is not null), 0) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict on constraint order_item_rollups_key do update set
        lines = r.lines + excluded.lines, quantity = r.quantity + excluded.quantity, line_total = r.line_total + excluded.line_total,
        costed_line_total = r.costed_line_total + excluded.costed_line_total, line_cost = r.line_cost + excluded.line_cost
    $sql$, changes)
$f$;

-- What a statement changed, as rows with a sign: new rows count +1, old rows -1.
create function rollup_changes(operation text) returns text language sql immutable as $f$
select case operation
    when 'INSERT' then 'select 1 as sign, * from new_rows'
    when 'DELETE' then 'select -1 as sign, * from old_rows'
    else 'select 1 as sign, * from new_rows union all select -1 as sign, * from old_rows' end
$f$;

-- One trigger function for every rollup: its argument names the function that writes the statement for the rollup.
create function rollups_follow() returns trigger language plpgsql as $f$
declare
    statement text;
begin
    execute format('select %I($1)', tg_argv[0]) into statement using rollup_changes(tg_op);
    execute statement;
    return null;
end
$f$;

create function rollups_emptied() returns trigger language plpgsql as $f$
begin
    execute format('truncate %I', tg_argv[0]);
    return null;
end
$f$;

-- The four triggers that keep `rollup` following `source`, its statement written by the function `writer`.
create function follow_with_rollup(source text, rollup text, writer text) returns void language plpgsql as $f$
begin
    execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement execute function rollups_follow(%L)', rollup || '_insert', source, writer);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows for each statement execute function rollups_follow(%L)', rollup || '_update', source, writer);
    execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement execute function rollups_follow(%L)', rollup || '_delete', source, writer);
    execute format('create trigger %I after truncate on %I for each statement execute function rollups_emptied(%L)', rollup || '_truncate', source, rollup);
end
$f$;

select follow_with_rollup('orders', 'order_rollups', 'order_rollups_sql');
select follow_with_rollup('order_items', 'order_item_rollups', 'order_item_rollups_sql');

-- Rows stored before this migration.
do $f$
begin
    execute order_rollups_sql('select 1 as sign, * from orders');
    execute order_item_rollups_sql('select 1 as sign, * from order_items');
end
$f$;
