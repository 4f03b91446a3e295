-- dataset quality and freshness (issue 4). The quality figures live on the dataset row (V6); this
-- adds which dataset version they describe, so a slow measurement of an older version never
-- overwrites the figures of a newer one.
alter table dataset add column measured_version int;

-- Overdue periods already announced: a period is a resource and the due time it missed. The
-- freshness sweep inserts here in the transaction that publishes DatasetOverdue, so each period is
-- announced once, whichever node sweeps and however often. Never-loaded resources have no dataset
-- row yet, hence no foreign key to it.
create table dataset_overdue (
    resource_id  uuid        not null,
    due_at       timestamptz not null,
    provider_id  uuid        not null references organization (id),
    announced_at timestamptz not null,
    primary key (resource_id, due_at)
);
create index dataset_overdue_provider_idx on dataset_overdue (provider_id, due_at desc);
