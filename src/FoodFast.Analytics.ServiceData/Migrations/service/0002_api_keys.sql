-- API keys: only the SHA-256 of a key is stored; the prefix lets people tell keys apart.
create table api_keys (
    id          uuid        primary key,
    name        text        not null,
    prefix      text        not null,
    key_hash    bytea       not null unique,
    roles       text[]      not null check (cardinality(roles) > 0),
    shop_id     text,
    created_at  timestamptz not null,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    created_by  text        not null,
    -- Only admin keys may span all shops.
    constraint api_keys_shop_bound check (shop_id is not null or 'admin' = any(roles))
);

create index api_keys_created_at on api_keys (created_at desc, id);
