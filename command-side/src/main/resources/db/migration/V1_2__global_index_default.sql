-- The global index is taken from the same sequence by the insert itself (insert ... returning), not by a
-- separate "select nextval" before it: one round trip less per stored event, still one value per event.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
