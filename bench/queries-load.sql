-- Bench data for bench/queries.sh, generated inside Postgres (generate_series, no files): :orders orders with
-- 1-3 lines each over the :days days before now, and :events activity events in sessions of 8, across 10 shops
-- (bench-shop-01..10; 09 and 10 sell in GBP). Deterministic apart from the anchor (now), so every run has the
-- same shape. Indexes are dropped by the caller before and rebuilt after.
\set ON_ERROR_STOP on
create temporary table o as
select i,
       'bench-shop-' || lpad((1 + i % 10)::text, 2, '0') as shop_id,
       now() - make_interval(secs => (i::bigint * 7919 % (:days * 86400))) as created_at,
       1 + i % 3 as lines
from generate_series(1, :orders) i;

insert into order_items (shop_id, order_id, line_no, product_id, product_name, category, brand, quantity, unit_price, unit_cost, line_total,
                         customer_id, status, created_at, currency, country, channel)
select o.shop_id, 'o' || o.i, l, 'p' || pid, 'Product ' || pid,
       (array['bakery','dairy','ready_meals','beverages','frozen','fruit_vegetables','snacks','meat'])[1 + pid % 8],
       'brand-' || pid % 12, qty, price, case when pid % 5 = 0 then null else round(price * 0.6, 2) end, qty * price,
       'c' || (o.i * 31 % 40000), st.status, o.created_at, case when o.shop_id >= 'bench-shop-09' then 'GBP' else 'EUR' end,
       (array['DE','FR','GB','NL','AT'])[1 + o.i % 5], (array['web','ios','android','api'])[1 + o.i % 4]
from o
cross join lateral generate_series(1, o.lines) l
cross join lateral (select (o.i * 7 + l * 13) % 200 as pid, 1 + (o.i + l) % 3 as qty) p
cross join lateral (select 1.00 + (pid % 20) * 0.50 as price) pr
cross join lateral (select (array['delivered','delivered','delivered','delivered','delivered','delivered','paid','shipped','cancelled','refunded'])[1 + o.i % 10] as status) st;

insert into orders (shop_id, order_id, customer_id, status, created_at, updated_at, currency, channel, payment_method, country, city,
                    subtotal, discount, tax, shipping, total, units, line_count, cancelled_at, refunded_at)
select i.shop_id, i.order_id, min(i.customer_id), min(i.status), min(i.created_at),
       min(i.created_at) + case when min(i.status) in ('cancelled', 'refunded') then interval '26 hours' else interval '2 hours' end,
       min(i.currency), min(i.channel),
       (array['card','card','paypal','apple_pay','google_pay','cash_on_delivery'])[1 + (hashtext(i.order_id) & 1023) % 6],
       min(i.country), (array['Berlin','Paris','London','Amsterdam','Vienna','Munich','Lyon'])[1 + (hashtext(i.order_id) & 1023) % 7],
       sum(i.line_total), case when sum(i.line_total) > 20 then 1.00 else 0 end, round(sum(i.line_total) * 0.07, 2),
       case when sum(i.line_total) > 25 then 0 else 3.90 end,
       sum(i.line_total) - case when sum(i.line_total) > 20 then 1.00 else 0 end + round(sum(i.line_total) * 0.07, 2) + case when sum(i.line_total) > 25 then 0 else 3.90 end,
       sum(i.quantity), count(*),
       case when min(i.status) = 'cancelled' then min(i.created_at) + interval '26 hours' end,
       case when min(i.status) = 'refunded' then min(i.created_at) + interval '26 hours' end
from order_items i
group by i.shop_id, i.order_id;

-- Sessions of 8 events a minute apart: view, product, search, product, cart (every 2nd session), checkout
-- (every 4th), purchase (every 8th), page view.
insert into events (event_id, shop_id, occurred_at, category, type, user_id, session_id, product_id, query, results_count, device, country)
select md5('e' || j)::uuid, 'bench-shop-' || lpad((1 + s % 10)::text, 2, '0'),
       now() - make_interval(secs => (s::bigint * 6007 % (:days * 86400))) + make_interval(mins => pos),
       case when t in ('page_view', 'search') then 'user' when t in ('product_view', 'add_to_cart') then 'product' else 'order' end, t,
       'u' || (s * 17 % 60000), 's' || s, case when t in ('product_view', 'add_to_cart') then 'p' || (s * 3 + pos) % 200 end,
       case when t = 'search' then (array['milch','käse','brot','kaffee','äpfel','pizza','tee','nudeln'])[1 + s % 8] end,
       case when t = 'search' then s % 6 end, (array['ios','android','web'])[1 + s % 3], (array['DE','FR','GB','NL','AT'])[1 + s % 5]
from generate_series(0, :events - 1) j
cross join lateral (select j / 8 as s, j % 8 as pos) k
cross join lateral (select case pos
    when 0 then 'page_view' when 1 then 'product_view' when 2 then 'search' when 3 then 'product_view'
    when 4 then case when s % 2 = 0 then 'add_to_cart' else 'page_view' end
    when 5 then case when s % 4 = 0 then 'checkout_start' else 'product_view' end
    when 6 then case when s % 8 = 0 then 'purchase' else 'page_view' end
    else 'page_view' end as t) e;
