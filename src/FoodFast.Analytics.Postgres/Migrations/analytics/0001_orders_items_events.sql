-- The Postgres analytics store. Money is numeric (never float); times are timestamptz (UTC).

create table orders (
    shop_id        text not null,
    order_id       text not null,
    customer_id    text,
    status         text not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    currency       text not null,
    channel        text not null,
    payment_method text not null,
    country        text not null,
    city           text,
    lat            double precision,
    lon            double precision,
    coupon_code    text,
    subtotal       numeric(14, 2) not null,
    discount       numeric(14, 2) not null,
    tax            numeric(14, 2) not null,
    shipping       numeric(14, 2) not null,
    total          numeric(14, 2) not null,
    units          integer not null,
    line_count     integer not null,
    -- When the order entered these states (the updatedAt of the first version seen in them): a refund or
    -- cancellation is booked on the day it happens, not by rewriting the day of the sale.
    cancelled_at   timestamptz,
    refunded_at    timestamptz,
    primary key (shop_id, order_id)
);
create index orders_shop_created on orders (shop_id, created_at);
create index orders_shop_cancelled on orders (shop_id, cancelled_at) where cancelled_at is not null;
create index orders_shop_refunded on orders (shop_id, refunded_at) where refunded_at is not null;
create index orders_shop_customer on orders (shop_id, customer_id, created_at);
create index orders_created_brin on orders using brin (created_at);

-- One row per order line, with the order's shop, time, status, currency, country and channel copied in,
-- so per-product and per-category figures need no join.
create table order_items (
    shop_id      text not null,
    order_id     text not null,
    line_no      integer not null,
    product_id   text not null,
    product_name text not null,
    category     text not null,
    brand        text,
    quantity     integer not null,
    unit_price   numeric(14, 2) not null,
    unit_cost    numeric(14, 2),
    line_total   numeric(14, 2) not null,
    customer_id  text,
    status       text not null,
    created_at   timestamptz not null,
    currency     text not null,
    country      text not null,
    channel      text not null,
    primary key (shop_id, order_id, line_no)
);
create index order_items_shop_created on order_items (shop_id, created_at);
create index order_items_shop_product on order_items (shop_id, product_id, created_at);

-- Append-only; a client's eventId makes a retried send count once.
create table events (
    event_id         uuid primary key,
    shop_id          text not null,
    occurred_at      timestamptz not null,
    category         text not null,
    type             text not null,
    user_id          text,
    session_id       text,
    product_id       text,
    product_name     text,
    product_category text,
    quantity         integer,
    value            numeric(14, 2),
    currency         text,
    order_id         text,
    query            text,
    results_count    integer,
    rating           smallint,
    stock_level      integer,
    url              text,
    referrer         text,
    device           text,
    country          text,
    properties       jsonb
);
create index events_shop_occurred on events (shop_id, occurred_at);
create index events_shop_type_occurred on events (shop_id, type, occurred_at);
create index events_shop_session on events (shop_id, session_id, occurred_at);
create index events_occurred_brin on events using brin (occurred_at);
