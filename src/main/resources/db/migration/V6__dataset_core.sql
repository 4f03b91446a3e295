-- dataset: the records behind each published resource, the loads that changed them and the
-- per-resource change log that rollback and subscriptions read. See docs/design/dataset.md.

-- One row per resource that ever had a load. Its row lock serialises the data transactions of a
-- resource: a load holds it from its first write until commit, so two loads never interleave
-- their change sequence numbers or their view of "the records before".
create table dataset (
    resource_id    uuid primary key,
    provider_id    uuid             not null references organization (id),
    -- bumped by every applied load (rollbacks included); 0 = never loaded
    version        int              not null default 0,
    record_count   bigint           not null default 0,
    -- the highest dataset_change.seq of this resource; change sequence numbers never repeat
    last_seq       bigint           not null default 0,
    last_load_id   uuid,
    last_loaded_at timestamptz,
    -- quality of the current records (shares 0..1), measured after each applied load
    completeness   double precision,
    validity       double precision,
    uniqueness     double precision,
    measured_at    timestamptz
);
create index dataset_provider_idx on dataset (provider_id);

-- The provider's rules per data item; items without a row get the defaults derived from the catalog.
create table dataset_item_rule (
    resource_id    uuid         not null,
    code_name      varchar(64)  not null,
    required       boolean      not null,
    kind           varchar(16)  not null check (kind in ('PLAIN', 'RESIDENT_ID', 'CREDIT_CODE')),
    allowed_values text[]       not null default '{}',
    pattern        varchar(500),
    min_value      numeric,
    max_value      numeric,
    primary key (resource_id, code_name)
);

-- One row per load, written in its own short transactions (QUEUED, RUNNING with progress and
-- heartbeat, the outcome) so progress is visible while the data transaction is still open.
create table dataset_load (
    id               uuid primary key,
    resource_id      uuid          not null,
    provider_id      uuid          not null references organization (id),
    channel          varchar(12)   not null check (channel in ('UPLOAD', 'PUSH', 'PULL', 'ROLLBACK')),
    mode             varchar(12)   not null check (mode in ('FULL', 'INCREMENTAL')),
    policy           varchar(16)   not null check (policy in ('ALL_OR_NOTHING', 'KEEP_VALID')),
    state            varchar(12)   not null
        check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'ROLLED_BACK')),
    -- what the user recognises the load by: file name, batch id, source database and table
    source           varchar(500),
    -- push batches: the same batch id with the same content hash answers with the first outcome
    batch_id         varchar(128),
    content_hash     varchar(64),
    -- the dataset version this load produced; 0 while not applied
    version          int           not null default 0,
    rows_read        bigint        not null default 0,
    rows_accepted    bigint        not null default 0,
    rows_rejected    bigint        not null default 0,
    inserted         bigint        not null default 0,
    updated          bigint        not null default 0,
    deleted          bigint        not null default 0,
    -- the change sequence numbers the load used (0..0 when it changed nothing)
    first_seq        bigint        not null default 0,
    last_seq         bigint        not null default 0,
    percent          smallint      not null default 0,
    error_code       varchar(64),
    error_message    varchar(1000),
    -- rejections found in all; dataset_rejection keeps the first few thousand
    problem_count    bigint        not null default 0,
    started_by       varchar(128)  not null,
    created_at       timestamptz   not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- a ROLLBACK load names the load it undid; the undone load names its ROLLBACK load
    rollback_of      uuid,
    rolled_back_by   uuid,
    cancel_requested boolean       not null default false,
    -- the heartbeat: a RUNNING load whose node died stops moving and the sweeper fails it
    updated_at       timestamptz   not null,
    unique (resource_id, batch_id)
);
create index dataset_load_resource_idx on dataset_load (resource_id, created_at desc);
create index dataset_load_running_idx on dataset_load (state) where state in ('QUEUED', 'RUNNING');

-- The rejection report of a load, rendered in the reader's language only when read.
create table dataset_rejection (
    load_id uuid         not null references dataset_load (id) on delete cascade,
    n       int          not null,
    row_no  bigint,
    item    varchar(200),
    value   varchar(200),
    code    varchar(64)  not null,
    args    jsonb,
    primary key (load_id, n)
);

-- The current records only: data is a JSON object keyed by item code name with canonical values.
-- No foreign keys here: the initial load COPYs a million rows into it and every check costs.
create table dataset_record (
    resource_id uuid   not null,
    record_key  text   not null,
    data        jsonb  not null,
    -- the change that last wrote the record
    seq         bigint not null,
    load_id     uuid   not null,
    primary key (resource_id, record_key)
);

-- The change log: one row per changed key, seq strictly increasing per resource; before is the
-- record's previous data (null for inserts). The state after a change is the next change's
-- before for that key, or the current record. Rollback replays it in reverse; subscribers read it.
create table dataset_change (
    resource_id uuid    not null,
    seq         bigint  not null,
    record_key  text    not null,
    op          char(1) not null check (op in ('I', 'U', 'D')),
    load_id     uuid    not null,
    before      jsonb,
    primary key (resource_id, seq)
);
