-- Communication logs: a long body is stored once, in log_body, under the SHA-256 of its text, and a log refers
-- to it by that hash (ADR 0010). A catalog fetched again and again unchanged is one row, not one per fetch.
create table log_body (
    hash           varchar(64)              not null primary key,
    body           text                     not null,
    -- When the newest log that uses the body was requested, give or take a day: the retention cleanup
    -- deletes a body once every log that can use it has expired, without looking for those logs.
    last_logged_at timestamp with time zone not null
);
create index ix_log_body_last_logged_at on log_body (last_logged_at);

-- A body is either in the log's row (short ones, and every body stored before this version) or in log_body.
-- No index and no foreign key: searches never read bodies, and a log's insert stays one index lighter.
alter table communication_log add column request_body_hash varchar(64);
alter table communication_log add column response_body_hash varchar(64);
