-- The data service appends one audit entry per call (thousands a second). Two indexes of the log
-- cost those appends more than the searches they serve gain:
-- * the subject-key GIN index's pending list was merged by whichever insert found it full, stalling
--   that batch (and every call waiting for it) for tens of milliseconds: updated in place instead;
-- * a B-tree on occurred_at for an append-only log whose times grow with seq: a BRIN index answers
--   the same time-range searches at a fraction of the upkeep.
alter index audit_entry_subject_keys_idx set (fastupdate = off);
drop index audit_entry_occurred_at_idx;
create index audit_entry_occurred_at_brin on audit_entry using brin (occurred_at) with (pages_per_range = 32);
