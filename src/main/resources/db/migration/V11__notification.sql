-- notification: "someone must act" notices for an organization's people (in-app), with their e-mail
-- and webhook outbox rows written in the same transaction as the notice.

-- A notice is addressed to an organization's users holding any of `roles` (empty: all of them). Its
-- text is a message key and arguments, rendered in the reader's language when read.
create table notification_notice (
    id               uuid          primary key,
    organization_id  uuid          not null references organization (id),
    roles            text[]        not null default '{}',
    kind             varchar(100)  not null,
    message_key      varchar(200)  not null,
    args             jsonb         not null default '[]',
    link             varchar(1000) not null,
    subject_type     varchar(64),
    subject_id       varchar(100),
    data             jsonb         not null default '{}',
    created_at       timestamptz   not null
);
-- "my notices" and "my unread count" (polled every minute by every open console page) read one
-- organization's notices newest first, and only those after the reader's read-all mark.
create index notification_notice_org_created on notification_notice (organization_id, created_at desc);

-- Per person: notices read one by one, and the time of the last "mark all read" (every notice created
-- up to then counts as read, so the unread count never scans old notices).
create table notification_read (
    user_id    uuid        not null,
    notice_id  uuid        not null references notification_notice (id) on delete cascade,
    read_at    timestamptz not null,
    primary key (user_id, notice_id)
);
create table notification_reader (
    user_id        uuid        primary key,
    read_all_upto  timestamptz not null
);

-- E-mail outbox: one row per notice and recipient with an address, written only when SMTP is
-- configured. Senders claim due rows with "for update skip locked" and a lease (claimed_until).
create table notification_mail (
    id               uuid          primary key,
    notice_id        uuid          not null references notification_notice (id) on delete cascade,
    user_id          uuid          not null,
    recipient        varchar(320)  not null,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz,
    claimed_by       varchar(100),
    claimed_until    timestamptz,
    last_error       varchar(1000),
    last_attempt_at  timestamptz,
    sent_at          timestamptz,
    created_at       timestamptz   not null
);
create index notification_mail_due on notification_mail (next_attempt_at) where status = 'PENDING';
create index notification_mail_notice on notification_mail (notice_id);

-- Outbound webhook endpoints of an organization. The signing secret is sealed by the platform's
-- SecretBox (v1:<alg>:<keyId>:<base64>): it must be read back to sign, and is never stored in clear.
create table notification_webhook (
    id               uuid          primary key,
    organization_id  uuid          not null references organization (id),
    url              varchar(2000) not null,
    description      varchar(500),
    kinds            text[]        not null default '{}',
    enabled          boolean       not null default true,
    secret_sealed    text          not null,
    secret_rotated_at timestamptz  not null,
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null
);
create index notification_webhook_org on notification_webhook (organization_id);

-- One delivery per (notice, matching endpoint); retried with backoff until delivered or FAILED.
create table notification_delivery (
    id               uuid          primary key,
    webhook_id       uuid          not null references notification_webhook (id) on delete cascade,
    notice_id        uuid          not null references notification_notice (id) on delete cascade,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz,
    claimed_by       varchar(100),
    claimed_until    timestamptz,
    last_status      int,
    last_error       varchar(1000),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz   not null,
    unique (webhook_id, notice_id)
);
create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_webhook on notification_delivery (webhook_id, created_at desc);
