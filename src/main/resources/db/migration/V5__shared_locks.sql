-- cluster-wide locks for databases without advisory locks (H2); PostgreSQL uses pg_try_advisory_lock
CREATE TABLE shared_lock (
    name          VARCHAR(64) PRIMARY KEY,
    holder        VARCHAR(128) NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
