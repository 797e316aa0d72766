-- Several replicas of the hub share the work through these two tables.

-- Which replica is processing which inbound file: the SFTP consumers' shared in-progress repository (Camel's
-- JdbcOrphanLockAwareIdempotentRepository). A row is inserted when a replica takes a file, its createdat renewed
-- while it works, and the row deleted when the file was moved out of inbound/. A row left by a replica that died
-- is taken over once it is older than edihub.cluster.file-claim-for. Camel's own table, with room for long paths.
create table camel_messageprocessed (
    processorname varchar(255)  not null,
    messageid     varchar(2000) not null,
    createdat     timestamp     not null,
    primary key (processorname, messageid)
);

-- Which replica leads each singleton route (release dispatch, watchdog, implicit acceptance, outbound delivery):
-- Spring Integration's JDBC lock registry, as its schema for PostgreSQL defines the table. The leader renews its
-- row; a row older than edihub.cluster.leader-lock-for belongs to nobody.
create table int_lock (
    lock_key     char(36)     not null,
    region       varchar(100) not null,
    client_id    char(36),
    created_date timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
