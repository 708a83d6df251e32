-- Communication logs: the location criterion, and retention.

-- Searches by location (or by the private registration: location is null) end in the keyset order.
create index ix_communication_log_location on communication_log (broker_id, location, requested_at, id);

-- The retention cleanup deletes the oldest logs first, across brokers.
create index ix_communication_log_requested_at on communication_log (requested_at);

-- Periodic jobs that must run on one node of the cluster at a time: a node claims a due job by moving
-- next_run_at forward with a conditional update, which only one node wins.
create table scheduled_job (
    name        varchar(63)              not null primary key,
    next_run_at timestamp with time zone not null,
    claimed_by  varchar(255),
    claimed_at  timestamp with time zone
);

insert into scheduled_job (name, next_run_at) values ('commlog-retention', timestamp with time zone '2000-01-01 00:00:00+00');
