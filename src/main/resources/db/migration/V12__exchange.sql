-- The data service (exchange module).

-- Calls per day (Asia/Shanghai), client application, resource, purpose and method: what providers see
-- of who calls their resources and why, what consumers see of their use, and what the daily quota
-- counts. Written by each node's meter every few seconds as increments (never read-modify-write).
create table data_service_usage (
    day                   date   not null,
    resource_id           uuid   not null,
    client_application_id uuid   not null,
    purpose               text   not null,
    method                text   not null,
    provider_id           uuid   not null,
    consumer_id           uuid   not null,
    calls                 bigint not null default 0,
    refused               bigint not null default 0,
    records               bigint not null default 0,
    primary key (day, resource_id, client_application_id, purpose, method)
);
create index data_service_usage_provider on data_service_usage (provider_id, day);
create index data_service_usage_consumer on data_service_usage (consumer_id, day);
create index data_service_usage_client on data_service_usage (client_application_id, day);

-- The key of the HASH mask (HMAC-SHA-256), random per deployment and sealed by the platform's SecretBox:
-- equal values hash equally within one deployment (joinable) and nowhere else.
create table data_service_secret (
    id          int  primary key check (id = 1),
    sealed_key  text not null,
    created_at  timestamptz not null default now()
);
