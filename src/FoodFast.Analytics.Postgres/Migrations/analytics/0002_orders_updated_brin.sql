-- Retention deletes orders by their last change; a BRIN index finds the old ones without reading the whole table.
create index orders_updated_brin on orders using brin (updated_at);
