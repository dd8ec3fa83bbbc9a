-- The task list's read model, built by TaskViewProjection from topic task-events.
create extension if not exists pg_trgm;

create table task_view (
    id            varchar(64)  not null primary key,
    owner_id      varchar(64)  not null,
    version       bigint       not null,
    deleted       boolean      not null default false,
    status        varchar(16)  not null,
    priority_rank smallint     not null,
    title         varchar(400) not null,
    description   text         not null,
    tags          text[]       not null,
    due_at        timestamptz,
    -- sort keys as plain columns so keyset pagination compares (key, id) rows on an index
    due_sort      bigint       not null,
    title_sort    varchar(400) not null,
    created_ms    bigint       not null,
    updated_ms    bigint       not null,
    body          jsonb        not null
);

create index task_view_by_due      on task_view (owner_id, due_sort, id) where not deleted;
create index task_view_by_priority on task_view (owner_id, priority_rank, id) where not deleted;
create index task_view_by_created  on task_view (owner_id, created_ms, id) where not deleted;
create index task_view_by_updated  on task_view (owner_id, updated_ms, id) where not deleted;
create index task_view_by_title    on task_view (owner_id, title_sort, id) where not deleted;
create index task_view_open_due    on task_view (owner_id, due_at) where not deleted and status = 'open';
create index task_view_tags        on task_view using gin (tags) where not deleted;
create index task_view_text        on task_view using gin ((title || ' ' || description) gin_trgm_ops) where not deleted;

-- Per-user log of read-model changes: the SSE event ids, so a client reconnecting with Last-Event-ID
-- receives what it missed. Written in the same transaction as the read model it describes.
create table stream_event (
    sequence   bigserial    primary key,
    user_id    varchar(64)  not null,
    kind       varchar(32)  not null,
    subject_id varchar(64)  not null,
    version    bigint       not null,
    created_at timestamptz  not null default now()
);
create index stream_event_by_user on stream_event (user_id, sequence);
