-- catalog: Excel imports run as jobs; the console and the API poll their progress, and the
-- problems found (sheet, row, column, value, rule) stay with the job for the error report.
create table catalog_import_job (
    id               uuid primary key,
    organization_id  uuid         not null references organization (id),
    file_name        varchar(255) not null,
    file_size        bigint       not null,
    mode             varchar(16)  not null check (mode in ('ALL_OR_NOTHING', 'KEEP_VALID')),
    status           varchar(12)  not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    -- READING, CHECKING, WRITING while running
    phase            varchar(12),
    -- data rows read from both sheets, and of them the rows checked so far
    total_rows       int          not null default 0,
    processed_rows   int          not null default 0,
    resource_count   int          not null default 0,
    imported_count   int          not null default 0,
    rejected_count   int          not null default 0,
    problem_count    int          not null default 0,
    -- the problems (at most the first few thousand), rendered in the reader's language on read
    error_report     jsonb,
    cancel_requested boolean      not null default false,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- every progress write touches it: a RUNNING job whose node died stops moving
    updated_at       timestamptz  not null
);
create index catalog_import_job_org_idx on catalog_import_job (organization_id, created_at desc);
