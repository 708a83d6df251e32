-- Service broker registrations: a customer's private deployment of each broker.
create table service_broker (
    id                 uuid primary key,
    identifier         varchar(63)   not null,
    name               varchar(200)  not null,
    customer_id        uuid          not null references customer (id),
    endpoint           varchar(2000) not null,
    username           varchar(200)  not null,
    password_encrypted varchar(4000) not null,
    development_mode   boolean       not null,
    status             varchar(16)   not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    -- When the periodic catalog refresh is next due; a node claims a refresh by moving it forward.
    next_refresh_at    timestamp with time zone not null,
    constraint uq_service_broker_identifier unique (identifier),
    constraint ck_service_broker_status check (status in ('ACTIVE', 'DEACTIVATED'))
);
create index ix_service_broker_customer on service_broker (customer_id);
create index ix_service_broker_next_refresh on service_broker (status, next_refresh_at);
