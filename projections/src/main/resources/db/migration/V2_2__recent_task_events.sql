-- The recent-events read model of MCP clients (resource tasklog://events/recent), built by the mcp-context
-- projection from topic task-events: each user's task events of the last hour (tasklog.mcp.recent-events.window),
-- one row per stored event (its id), so a redelivered event inserts nothing. Pruned by RecentEventsRetention.
-- changes is json, not jsonb: it keeps the fields in the order the history lists them (title, description, ...).
create table recent_task_event (
    event_id  varchar(64)  not null primary key,
    user_id   varchar(64)  not null,
    task_id   varchar(64)  not null,
    sequence  bigint       not null,
    type      varchar(100) not null,
    title     varchar(400) not null,
    at        timestamptz  not null,
    changes   json         not null
);
create index recent_task_event_by_user on recent_task_event (user_id, at desc, sequence desc);
create index recent_task_event_by_time on recent_task_event (at);
