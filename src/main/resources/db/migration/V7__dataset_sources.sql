-- dataset: departments' staging databases (前置库) and the scheduled pulls from them.
-- The password is sealed by the platform's SecretBox (v1:<alg>:<keyId>:<base64>), never stored in clear.
create table dataset_source_db (
    id               uuid primary key,
    organization_id  uuid          not null references organization (id),
    name             varchar(100)  not null,
    kind             varchar(12)   not null check (kind in ('POSTGRESQL', 'MARIADB', 'MYSQL')),
    jdbc_url         varchar(1000) not null,
    username         varchar(128)  not null,
    password_sealed  text          not null,
    -- the newest connection test
    checked_at       timestamptz,
    check_ok         boolean,
    check_version    varchar(300),
    check_code       varchar(64),
    check_detail     text,
    check_millis     bigint,
    version          bigint        not null default 0,
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    unique (organization_id, name)
);

-- One pull definition per resource. The scheduler claims due rows with "for update skip locked" and
-- a lease (claimed_until), so several app nodes never pull the same resource at once and a node that
-- died mid-pull releases it when the lease runs out.
create table dataset_pull (
    resource_id      uuid          primary key references catalog_resource (id),
    provider_id      uuid          not null references organization (id),
    source_id        uuid          not null references dataset_source_db (id),
    table_name       varchar(200),
    query            text,
    watermark_column varchar(128),
    -- the greatest watermark value applied so far, as text, with its java.sql.Types code to bind it back
    watermark        text,
    watermark_type   int,
    mode             varchar(12)   not null check (mode in ('FULL', 'INCREMENTAL')),
    policy           varchar(16)   not null check (policy in ('ALL_OR_NOTHING', 'KEEP_VALID')),
    mapping          jsonb         not null,
    -- null: derived from the resource's update cycle
    cron             varchar(120),
    enabled          boolean       not null,
    next_run_at      timestamptz,
    claimed_by       varchar(100),
    claimed_until    timestamptz,
    last_run_at      timestamptz,
    last_load_id     uuid,
    last_state       varchar(12),
    -- consecutive failures since the last success; retried with backoff up to the configured count
    failures         int           not null default 0,
    last_error       text,
    version          bigint        not null default 0,
    updated_by       varchar(64)   not null,
    updated_at       timestamptz   not null,
    check ((table_name is null) <> (query is null)),
    check (mode = 'FULL' or watermark_column is not null)
);
create index dataset_pull_due_idx on dataset_pull (next_run_at) where enabled;
create index dataset_pull_source_idx on dataset_pull (source_id);
create index dataset_pull_provider_idx on dataset_pull (provider_id);
