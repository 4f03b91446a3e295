-- Sharing applications (共享申请) and grants (授权) under the national sharing rules.
--
-- An application moves through states guarded by the aggregate (sharing/internal/Application);
-- every transition appends a step (the timeline everyone involved sees) in the same transaction.
-- Deadlines are instants (end of the due working day, Asia/Shanghai); a paused stage (supplement
-- asked) keeps the working days it had left.

create sequence sharing_application_number;
create sequence sharing_grant_number;

create table sharing_application (
    id                    uuid primary key,
    number                text        not null unique,
    path                  text        not null check (path in ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')),
    state                 text        not null,
    consumer_id           uuid        not null,
    client_application_id uuid,
    resource_id           uuid        not null,
    resource_code         text        not null,
    resource_name         text        not null,
    resource_version      int         not null,
    provider_id           uuid        not null,
    items                 text[]      not null,
    purpose               text        not null,
    basis                 text        not null,
    scenario              text        not null,
    valid_from            date        not null,
    valid_until           date        not null,
    expected_daily_calls  int         not null,
    -- the running stage's deadline (null when nothing is due) and the working days left when paused
    deadline              timestamptz,
    paused_days_left      int,
    reminded              boolean     not null default false,
    -- set once when a deadline passed undecided: counted against the provider
    overdue_at            timestamptz,
    overdue_stage         text,
    decision_reason       text,
    grant_id              uuid,
    submitted_by          uuid,
    submitted_at          timestamptz not null,
    decided_at            timestamptz,
    version               bigint      not null default 0,
    updated_at            timestamptz not null
);
create index sharing_application_consumer_idx on sharing_application (consumer_id, submitted_at desc);
create index sharing_application_provider_idx on sharing_application (provider_id, submitted_at desc);
create index sharing_application_due_idx on sharing_application (deadline) where deadline is not null;
-- one open application per client application and resource, also against two submissions at once
create unique index sharing_application_open_idx on sharing_application (client_application_id, resource_id)
    where state in ('PRECHECK', 'REVIEW', 'SUPPLEMENT_REQUESTED', 'DISPUTED', 'COORDINATION');

create table sharing_application_step (
    application_id  uuid        not null references sharing_application (id),
    n               int         not null,
    at              timestamptz not null,
    actor_id        uuid,
    actor_name      text        not null,
    organization_id uuid,
    action          text        not null,
    state_after     text        not null,
    comment         text,
    detail          jsonb,
    primary key (application_id, n)
);

create table sharing_grant (
    id                    uuid primary key,
    number                text        not null unique,
    application_id        uuid        not null references sharing_application (id),
    consumer_id           uuid        not null,
    client_application_id uuid        not null,
    resource_id           uuid        not null,
    resource_code         text        not null,
    resource_name         text        not null,
    provider_id           uuid        not null,
    resource_version      int         not null,
    items                 text[]      not null,
    -- [{"item":..., "op":"EQ|IN|PREFIX|RANGE", "values":[...]}]: records must match every filter
    row_scope             jsonb       not null default '[]',
    -- {"item": {"type": "SHOW_LAST", "n": 4}, ...}
    masks                 jsonb       not null default '{}',
    daily_quota           int         not null,
    valid_from            date        not null,
    valid_until           date        not null,
    revoked               boolean     not null default false,
    revoked_reason        text,
    revoked_at            timestamptz,
    review_needed         boolean     not null default false,
    review_reason         text,
    -- the consumer was told the grant ends soon (once per end date; a renewal clears it)
    expiry_reminded       boolean     not null default false,
    version               bigint      not null default 0,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index sharing_grant_consumer_idx on sharing_grant (consumer_id);
create index sharing_grant_provider_idx on sharing_grant (provider_id);
create index sharing_grant_client_idx on sharing_grant (client_application_id, resource_id);
create index sharing_grant_resource_idx on sharing_grant (resource_id);
create index sharing_grant_expiry_idx on sharing_grant (valid_until) where not revoked and not expiry_reminded;

create table sharing_grant_step (
    grant_id        uuid        not null references sharing_grant (id),
    n               int         not null,
    at              timestamptz not null,
    actor_id        uuid,
    actor_name      text        not null,
    organization_id uuid,
    action          text        not null,
    comment         text,
    detail          jsonb,
    primary key (grant_id, n)
);
