-- directory: organizations, users and their roles, client applications and their API keys

create table organization (
    id            uuid primary key,
    name          varchar(100) not null,
    short_name    varchar(30),
    type          varchar(20)  not null,
    parent_id     uuid references organization (id),
    credit_code   char(18)     not null,
    area_code     char(6),
    contact_name  varchar(50),
    contact_phone varchar(30),
    contact_email varchar(120),
    active        boolean      not null default true,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    constraint organization_name_unique unique (name),
    constraint organization_credit_code_unique unique (credit_code),
    constraint organization_type_check check (type in ('AUTHORITY','DEPARTMENT','STREET','TOWN','INSTITUTION','ENTERPRISE'))
);
create index organization_parent_idx on organization (parent_id);

create table app_user (
    id              uuid primary key,
    username        varchar(64)  not null,
    display_name    varchar(50)  not null,
    organization_id uuid         not null references organization (id),
    password_hash   varchar(200) not null,
    email           varchar(120),
    phone           varchar(30),
    enabled         boolean      not null default true,
    failed_logins   int          not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    version         bigint       not null,
    created_at      timestamptz  not null,
    constraint app_user_username_unique unique (username)
);
create index app_user_organization_idx on app_user (organization_id);

create table user_role (
    user_id uuid        not null references app_user (id) on delete cascade,
    role    varchar(20) not null,
    primary key (user_id, role),
    constraint user_role_check check (role in ('PLATFORM_ADMIN','ORG_ADMIN','DATA_STEWARD','REVIEWER','AUDITOR'))
);

create table client_application (
    id              uuid primary key,
    organization_id uuid         not null references organization (id),
    name            varchar(100) not null,
    description     varchar(500),
    active          boolean      not null default true,
    version         bigint       not null,
    created_at      timestamptz  not null,
    constraint client_application_name_unique unique (organization_id, name)
);
create index client_application_organization_idx on client_application (organization_id);

create table api_key (
    id                    uuid primary key,
    client_application_id uuid        not null references client_application (id) on delete cascade,
    prefix                varchar(16) not null,
    secret_hash           char(64)    not null,
    created_at            timestamptz not null,
    revoked_at            timestamptz,
    constraint api_key_prefix_unique unique (prefix)
);
create index api_key_client_idx on api_key (client_application_id);
