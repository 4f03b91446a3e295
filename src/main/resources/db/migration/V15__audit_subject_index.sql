-- "Whose data was read" without a random index write on the data service's hot path.
--
-- The subject-key GIN index over audit_entry was updated inside every audit batch: one insert at a
-- random place of a large index per data call. Those pages rarely stay cached, so each such insert
-- read and wrote index pages (and logged full-page images after every checkpoint): it cost
-- PostgreSQL more than the data call's own SELECT, and under load a batch of a few entries
-- sometimes took hundreds of milliseconds, with every data call waiting for its entry waiting too.
-- A B-tree in a side table costs the same (measured: ~20 us per key at 5 million keys).
--
-- Now the audit writer appends only to indexes whose insert point is hot (seq, organization,
-- action, actor, time), and a background indexer appends each entry's subject keys to
-- audit_subject in seq order, a batch at a time. audit_subject is indexed by a BRIN bloom index:
-- appending costs about a microsecond per key, and a search reads the range summaries (a few
-- megabytes per million entries) and only the ranges whose bloom filter may hold the key. The
-- subject_hash is the first 64 bits of the subject key; searches recheck the entry's full keys, so a
-- hash collision cannot produce a wrong result. A search reads audit_subject up to
-- audit_subject_progress.indexed_seq and scans the few entries after it directly, so results are
-- exact however far the indexer lags. audit_subject is derived data: not part of the chain, and
-- it can be rebuilt from audit_entry.subject_keys at any time.
-- The one definition of subject_hash, used by the indexer and the search alike (inlined by the
-- planner, so it costs nothing): the first 64 bits of a subject key given as lower-case hex.
create function audit_subject_hash(subject_key text) returns bigint
    language sql immutable strict parallel safe
    as $$ select ('x' || substr(subject_key, 1, 16))::bit(64)::bigint $$;

create table audit_subject (
    seq          bigint not null,
    subject_hash bigint not null  -- the first 8 bytes of an audit_entry.subject_keys element
);

create table audit_subject_progress (
    id          smallint primary key,
    indexed_seq bigint   not null,
    constraint audit_subject_progress_single_row check (id = 1)
);

insert into audit_subject (seq, subject_hash)
select e.seq, audit_subject_hash(k)
from audit_entry e, unnest(e.subject_keys) k
where k ~ '^[0-9a-f]{64}$'
order by e.seq;

insert into audit_subject_progress (id, indexed_seq) values (1, coalesce((select max(seq) from audit_entry), 0));

-- 16 pages hold about 3,000 rows: a bloom filter per range of that many keys at 1% false positives
-- fits in an index page; autosummarize lets autovacuum summarize ranges the indexer has not
create index audit_subject_hash_bloom on audit_subject
    using brin (subject_hash int8_bloom_ops (n_distinct_per_range = 3000, false_positive_rate = 0.01))
    with (pages_per_range = 16, autosummarize = on);

drop index if exists audit_entry_subject_keys_idx;
