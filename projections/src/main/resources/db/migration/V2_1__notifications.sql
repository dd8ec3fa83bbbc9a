-- Notifications built by NotificationProjection from reminder events: one per reminder key.
create table notification (
    id           varchar(64)  not null primary key,
    user_id      varchar(64)  not null,
    task_id      varchar(64)  not null,
    type         varchar(16)  not null,
    title        varchar(400) not null,
    body         text         not null,
    created_at   timestamptz  not null,
    reminder_key varchar(255) not null unique
);
create index notification_by_user on notification (user_id, created_at desc, id desc);

-- Read marks: written by the API (mark read) and by snoozes. Kept apart from the derived rows so that
-- no projection rebuild can lose them.
create table notification_read (
    notification_id varchar(64) not null primary key,
    user_id         varchar(64) not null,
    read_at         timestamptz not null
);
create index notification_read_by_user on notification_read (user_id);
