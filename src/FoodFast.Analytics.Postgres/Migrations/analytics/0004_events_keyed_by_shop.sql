-- An eventId is unique within its shop, not across shops: with event_id alone as the key, an event whose id another
-- shop had used was acknowledged and then silently dropped by "on conflict do nothing" (issue 21, I). Rows stored so
-- far are unique by event_id, so they are unique by (shop_id, event_id) too: the key changes without touching data.
alter table events drop constraint events_pkey;
alter table events add constraint events_pkey primary key (shop_id, event_id);
