-- Service instances and bindings that projects ordered, and the background work that drives them
-- (polling last operations, orphan mitigation), claimed through the database.
create table service_instance (
    id                uuid primary key,
    display_name      varchar(200) not null,
    customer_id       uuid         not null references customer (id),
    project_id        uuid         not null references project (id),
    marketplace       varchar(63)  not null,
    broker_id         uuid         not null,
    deployment        varchar(63)  not null,
    service_id        varchar(255) not null,
    plan_id           varchar(255) not null,
    parameters        text,
    status            varchar(16)  not null,
    dashboard_url     varchar(4000),
    op_type           varchar(16)  not null,
    op_state          varchar(16)  not null,
    op_description    varchar(4000),
    op_updated_at     timestamp with time zone not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint ck_service_instance_status check (status in ('IN_PROGRESS', 'SUCCEEDED', 'FAILED'))
);
create index ix_service_instance_project on service_instance (project_id);
create index ix_service_instance_broker on service_instance (broker_id, status);

create table service_binding (
    id                    uuid primary key,
    instance_id           uuid         not null references service_instance (id) on delete cascade,
    display_name          varchar(200) not null,
    parameters            text,
    status                varchar(16)  not null,
    credentials_encrypted text,
    op_type               varchar(16)  not null,
    op_state              varchar(16)  not null,
    op_description        varchar(4000),
    op_updated_at         timestamp with time zone not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint ck_service_binding_status check (status in ('IN_PROGRESS', 'SUCCEEDED', 'FAILED'))
);
create index ix_service_binding_instance on service_binding (instance_id);

-- One row per pending piece of background work. A node claims a task by moving due_at forward
-- (a lease) only if nobody moved it since it was read.
create table instance_task (
    id               uuid primary key,
    instance_id      uuid         not null,
    binding_id       uuid,
    kind             varchar(32)  not null,
    broker_operation varchar(4000),
    plan_id          varchar(255),
    payload          text,
    due_at           timestamp with time zone not null,
    deadline_at      timestamp with time zone,
    attempts         integer      not null,
    created_at       timestamp with time zone not null
);
create index ix_instance_task_due on instance_task (due_at);
create index ix_instance_task_instance on instance_task (instance_id);
