-- The example broker's own service instances and bindings. Asynchronous operations complete
-- by time (ready_at), so every node answers last_operation alike without timers.
create table example_broker_instance (
    id                   varchar(255)   primary key,
    service_id           varchar(64)    not null,
    plan_id              varchar(64)    not null,
    -- JSON object of the instance's parameters.
    parameters           varchar(65535) not null,
    -- The last operation: PROVISION, UPDATE or DEPROVISION (the instance is gone once it is ready).
    operation            varchar(16)    not null,
    operation_id         varchar(64)    not null,
    operation_started_at timestamp with time zone not null,
    ready_at             timestamp with time zone not null,
    operation_fails      boolean        not null,
    constraint ck_example_broker_instance_operation check (operation in ('PROVISION', 'UPDATE', 'DEPROVISION'))
);

create table example_broker_binding (
    instance_id          varchar(255)   not null references example_broker_instance (id) on delete cascade,
    id                   varchar(255)   not null,
    service_id           varchar(64)    not null,
    plan_id              varchar(64)    not null,
    parameters           varchar(65535) not null,
    username             varchar(64)    not null,
    password             varchar(128)   not null,
    -- The last operation: BIND or UNBIND (the binding is gone once it is ready).
    operation            varchar(16)    not null,
    operation_id         varchar(64)    not null,
    operation_started_at timestamp with time zone not null,
    ready_at             timestamp with time zone not null,
    primary key (instance_id, id),
    constraint ck_example_broker_binding_operation check (operation in ('BIND', 'UNBIND'))
);
