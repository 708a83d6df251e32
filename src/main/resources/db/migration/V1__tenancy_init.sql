-- Customers (tenants), their users, projects, locations and the marketplaces a project added.
create table customer (
    id                  uuid primary key,
    identifier          varchar(63)  not null,
    display_name        varchar(200) not null,
    private_marketplace boolean      not null default false,
    created_at          timestamp with time zone not null,
    constraint uq_customer_identifier unique (identifier)
);

create table app_user (
    id            uuid primary key,
    username      varchar(100) not null,
    password_hash varchar(200) not null,
    role          varchar(32)  not null,
    customer_id   uuid references customer (id),
    created_at    timestamp with time zone not null,
    constraint uq_app_user_username unique (username),
    constraint ck_app_user_role check (role in ('PARTNER_ADMIN', 'CUSTOMER_ADMIN', 'CUSTOMER_EMPLOYEE')),
    constraint ck_app_user_customer check ((role = 'PARTNER_ADMIN') = (customer_id is null))
);
create index ix_app_user_customer on app_user (customer_id);

create table location (
    id           uuid primary key,
    identifier   varchar(63)  not null,
    display_name varchar(200) not null,
    created_at   timestamp with time zone not null,
    constraint uq_location_identifier unique (identifier)
);
insert into location (id, identifier, display_name, created_at)
values ('00000000-0000-0000-0000-000000000001', 'global', 'Global', current_timestamp);

create table project (
    id           uuid primary key,
    customer_id  uuid         not null references customer (id),
    identifier   varchar(63)  not null,
    display_name varchar(200) not null,
    created_at   timestamp with time zone not null,
    constraint uq_project_identifier unique (customer_id, identifier)
);

-- 'private' (the customer's own private marketplace) or a location identifier.
create table project_marketplace (
    project_id  uuid        not null references project (id) on delete cascade,
    marketplace varchar(63) not null,
    added_at    timestamp with time zone not null,
    primary key (project_id, marketplace)
);
