-- Catalogs per broker deployment ('private' or a location identifier): the last good catalog,
-- how the last fetch went and what the last refresh changed. Brokers are referenced by id only
-- (the broker module owns its table). Services and plans that leave a catalog stay, inactive.
create table catalog (
    broker_id       uuid        not null,
    deployment      varchar(63) not null,
    fetched_at      timestamp with time zone,
    content_hash    varchar(64),
    last_attempt_at timestamp with time zone,
    last_error      text,
    changes         text,
    primary key (broker_id, deployment)
);

create table catalog_service (
    broker_id             uuid          not null,
    deployment            varchar(63)   not null,
    service_id            varchar(255) not null,
    name                  varchar(255) not null,
    description           text          not null,
    bindable              boolean       not null,
    plan_updateable       boolean       not null,
    instances_retrievable boolean       not null,
    bindings_retrievable  boolean       not null,
    raw_json              text          not null,
    active                boolean       not null,
    position              int           not null,
    primary key (broker_id, deployment, service_id),
    constraint fk_catalog_service_catalog foreign key (broker_id, deployment)
        references catalog (broker_id, deployment) on delete cascade
);
-- Service ids are globally unique: this finds another broker's use of one.
create index ix_catalog_service_id on catalog_service (service_id);

create table catalog_plan (
    broker_id                uuid          not null,
    deployment               varchar(63)   not null,
    plan_id                  varchar(255) not null,
    service_id               varchar(255) not null,
    name                     varchar(255) not null,
    description              text          not null,
    free                     boolean       not null,
    bindable                 boolean       not null,
    plan_updateable          boolean       not null,
    schemas                  text,
    maximum_polling_duration int,
    maintenance_info_version text,
    raw_json                 text          not null,
    active                   boolean       not null,
    position                 int           not null,
    primary key (broker_id, deployment, plan_id),
    constraint fk_catalog_plan_catalog foreign key (broker_id, deployment)
        references catalog (broker_id, deployment) on delete cascade
);
-- Plan ids are globally unique: this finds another broker's use of one.
create index ix_catalog_plan_id on catalog_plan (plan_id);
