-- Accounts of people who log in. Tasks are event-sourced; accounts are plain rows.
create table user_account (
    id            varchar(36)  not null primary key,
    email         varchar(254) not null unique,
    password_hash varchar(255) not null,
    created_at    timestamptz  not null default now()
);
