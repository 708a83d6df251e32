-- Logs of deleted brokers stay readable to partner admins by the broker's identifier.
create index ix_communication_log_broker_identifier on communication_log (broker_identifier, requested_at);
