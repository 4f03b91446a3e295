-- audit: append-only, hash-chained log of every action and every data access.
--
-- Each row carries the hash of the row before it (prev_hash) and its own hash over prev_hash and
-- a canonical encoding of all its fields (see audit.internal.CanonicalEncoding), so altering,
-- removing or reordering a row breaks the chain where it happened. seq is gapless (1..n): it is
-- assigned by the writer together with a conditional move of the one-row audit_chain_head, never
-- by a sequence, so a failed batch leaves no hole and a hole always means a deleted row.

create table audit_entry (
    seq                    bigint      primary key,
    occurred_at            timestamptz not null,
    actor_user_id          uuid,
    actor_name             text,
    organization_id        uuid,
    client_application_id  uuid,
    action                 text        not null,
    target_type            text,
    target_id              text,
    target_organization_id uuid,
    purpose                text,
    outcome                text        not null,
    request_id             text,
    detail                 text,
    -- keyed hashes (HMAC-SHA256, hex) of data-subject identifiers, never the identifiers themselves
    subject_keys           text[],
    hash_alg               text        not null,
    prev_hash              bytea       not null,
    hash                   bytea       not null,
    constraint audit_entry_outcome_check check (outcome in ('SUCCESS', 'DENIED', 'FAILED'))
);

-- search filters; newest first is "order by seq desc", hence seq as the second column
create index audit_entry_occurred_at_idx on audit_entry (occurred_at);
create index audit_entry_organization_idx on audit_entry (organization_id, seq);
create index audit_entry_target_organization_idx on audit_entry (target_organization_id, seq);
-- action is searched by prefix ("sharing." finds all sharing actions): pattern ops whatever the collation
create index audit_entry_action_idx on audit_entry (action text_pattern_ops);
create index audit_entry_actor_name_idx on audit_entry (actor_name, seq);
-- "who read my data": entries whose subject_keys contain a given key
create index audit_entry_subject_keys_idx on audit_entry using gin (subject_keys);

-- Where the chain ends. A writer inserts a batch only in the same statement that moves this row
-- from the (seq, hash) it chained after, so several application nodes append to one chain
-- without forking it: the loser of a race writes nothing and re-chains after the new head.
create table audit_chain_head (
    id        smallint primary key,
    last_seq  bigint   not null,
    last_hash bytea    not null,
    constraint audit_chain_head_single_row check (id = 1)
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- The HMAC key for subject keys when govshare.audit.subject-key is not configured: generated once
-- by the first node that needs it. Production deployments set the property instead (a key that
-- sits next to the hashes it protects only stops casual reading, not a database thief).
create table audit_subject_key (
    id         smallint    primary key,
    key_bytes  bytea       not null,
    created_at timestamptz not null,
    constraint audit_subject_key_single_row check (id = 1)
);

-- Append-only at the database level as well: UPDATE, DELETE and TRUNCATE of audit_entry are
-- refused unless the transaction has set the setting govshare.audit_maintenance to 'on'
-- (set local govshare.audit_maintenance = 'on'). That escape hatch exists for deliberate,
-- documented maintenance (and for the tamper tests, which alter a row and repair it). It stops
-- accidents and application bugs, not a superuser, who can drop the trigger: real protection
-- is a database role with only INSERT and SELECT on audit_entry for the application, plus
-- regular verification of the chain (POST /api/v1/audit/verification) with the head hash kept
-- elsewhere.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('govshare.audit_maintenance', true), '') <> 'on' then
        raise exception 'audit_entry is append-only: % refused', tg_op
            using errcode = '42501',
                  hint = 'set local govshare.audit_maintenance = ''on'' for deliberate maintenance';
    end if;
    if tg_level = 'STATEMENT' then
        return null;
    elsif tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger audit_entry_no_update_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
