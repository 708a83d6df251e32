-- Publications of brokers to locations, each a deployment with its own endpoint and credentials,
-- waiting for or given a Partner Admin's approval.
create table publication (
    id                 uuid primary key,
    broker_id          uuid          not null references service_broker (id) on delete cascade,
    location           varchar(63)   not null,
    endpoint           varchar(2000) not null,
    username           varchar(200)  not null,
    password_encrypted varchar(4000) not null,
    status             varchar(20)   not null,
    rejection_comment  varchar(2000),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    decided_at         timestamp with time zone,
    decided_by         varchar(100),
    next_refresh_at    timestamp with time zone not null,
    constraint uq_publication_location unique (broker_id, location),
    constraint ck_publication_status check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED'))
);
create index ix_publication_status on publication (status, location);
create index ix_publication_next_refresh on publication (next_refresh_at);

-- When a publication of the broker was first approved: from then on it can be deactivated, not deleted.
alter table service_broker add column approved_at timestamp with time zone;
