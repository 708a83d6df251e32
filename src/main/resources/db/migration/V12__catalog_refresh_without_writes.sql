-- A refresh that finds the catalog unchanged writes no catalog row (ADR 0009).
-- The hash of the body last stored: the same bytes again need no validation.
alter table catalog add column body_hash varchar(64);
-- When the last and the one before last refresh started, written by the claim that starts a
-- refresh (the one write of an unchanged refresh): a refresh that records no failure confirmed the
-- catalog at its start.
alter table service_broker add column last_refresh_at timestamp with time zone;
alter table service_broker add column prior_refresh_at timestamp with time zone;
alter table publication add column last_refresh_at timestamp with time zone;
alter table publication add column prior_refresh_at timestamp with time zone;
