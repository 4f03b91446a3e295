-- The subject keys of an ordinary entry are indexed by the statement that writes it.
--
-- V15 moved subject keys out of the writer's statement into a background indexer that appended a
-- second's entries at once. Under the data service's load that was 50-60 ms of database work once
-- a second, and the audit batches committed beside it were among the slowest (bench/gateway, each
-- call's stages timed: the calls that waited longest for their entry came in clusters about 1.05 s
-- apart, the indexer's period; in interleaved 20-second runs with the indexer stopped, a run's
-- slowest call took 30-49 ms, against 34-330 ms with it). Appending a few keys to audit_subject
-- costs the writer about a microsecond each (its BRIN bloom index is not written for the block
-- range being filled, which is not summarized yet), so the writer now indexes the keys of every
-- entry with at most 100 of them in the same atomic statement: such an entry is never unindexed.
--
-- An entry with more keys (an export's chunk carries 5,000) would hold every call batched with it
-- for milliseconds, so those are still indexed behind the writer, found through a partial index.
-- audit_subject_progress.indexed_seq now means: every entry up to it is in audit_subject, whatever
-- its size; searches scan only the deferred entries after it.

-- The one definition of "indexed behind the writer", used by the writer, the indexer, the partial
-- index and the search alike.
create function audit_subject_deferred(subject_keys text[]) returns boolean
    language sql immutable strict parallel safe
    as $$ select cardinality(subject_keys) > 100 $$;

-- The one definition of a key that can be searched, and so is indexed: 64 lower-case hex digits
-- (a length and a negated class: PostgreSQL's regex engine spent 6 us a key on ^[0-9a-f]{64}$).
create function audit_subject_indexable(subject_key text) returns boolean
    language sql immutable strict parallel safe
    as $$ select length(subject_key) = 64 and subject_key !~ '[^0-9a-f]' $$;

create index audit_entry_deferred_subjects_idx on audit_entry (seq) where audit_subject_deferred(subject_keys);

-- entries written after the last run of the old indexer: the small ones as the writer now would
insert into audit_subject (seq, subject_hash)
select e.seq, audit_subject_hash(k)
from audit_entry e, unnest(e.subject_keys) k
where e.seq > (select indexed_seq from audit_subject_progress where id = 1)
  and not audit_subject_deferred(e.subject_keys)
  and audit_subject_indexable(k)
order by e.seq;
