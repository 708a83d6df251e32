-- Communication logs: every search of a broker's logs reads one index in the order of the page (newest first)
-- and drops the logs that miss another criterion inside that index, before reading them from the table.

-- With an index on the time alone, PostgreSQL's planner reads the newest logs of all brokers and drops the
-- other brokers' in searches of a big broker (the index's order matches the table's, so it looks cheap): the
-- more the other brokers logged since, the longer that takes. The retention cleanup that needed it now
-- deletes broker by broker through ix_communication_log_broker.
drop index ix_communication_log_requested_at;

-- The response code last: a range of codes (5xx, >399) alone, or after the operation type, location or plan,
-- is checked in the index.
drop index ix_communication_log_broker;
create index ix_communication_log_broker on communication_log (broker_id, requested_at, id, response_code);
drop index ix_communication_log_operation;
create index ix_communication_log_operation on communication_log (broker_id, operation_type, requested_at, id, response_code);
drop index ix_communication_log_location;
create index ix_communication_log_location on communication_log (broker_id, location, requested_at, id, response_code);
drop index ix_communication_log_plan;
create index ix_communication_log_plan on communication_log (broker_id, plan_id, requested_at, id, operation_type, response_code);

-- One response code: the code first, so that H2 takes it for an exact code only and reads a range of codes
-- through ix_communication_log_broker in the page's order instead of sorting all the broker's matches.
drop index ix_communication_log_response;
create index ix_communication_log_response on communication_log (response_code, broker_id, requested_at, id);
