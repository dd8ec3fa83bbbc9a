-- Projection rebuilds (tasklog-admin replay): one row per processing group, so a rebuild is visible to every
-- instance, can be resumed after an interruption, and never runs twice at once.
create table projection_rebuild (
    processing_group varchar(64)  not null primary key,
    state            varchar(16)  not null,
    from_spec        varchar(64)  not null,
    -- a dry run reads and deserialises the events without folding them (measures the ceiling of a rebuild)
    dry_run          boolean      not null default false,
    -- events of tasks changed since this instant are re-folded; null = every task
    since            timestamptz,
    -- the global index of the last event folded, and the store's head when the rebuild began
    last_index       bigint       not null,
    head_index       bigint       not null,
    folded           bigint       not null,
    total            bigint       not null,
    started_at       timestamptz  not null,
    heartbeat_at     timestamptz  not null,
    finished_at      timestamptz,
    message          text
);

-- The tasks a partial rebuild (--from <instant>) re-folds.
create table projection_rebuild_task (
    processing_group varchar(64) not null,
    task_id          varchar(64) not null,
    primary key (processing_group, task_id)
);
