-- The simulator's outbox: the signed documents the DCC sends a User later (asynchronous responses,
-- device and DCC alerts), kept until delivered so that nothing accepted is lost on a restart. A row
-- with dead_epoch_milli NULL is pending; one with it set is a dead letter (every attempt failed),
-- held until dropped. Instants are milliseconds of the simulated clock since the epoch.
CREATE TABLE duis_outbox (
    seq                      BIGINT        NOT NULL PRIMARY KEY,
    user_eui                 BIGINT        NOT NULL,
    kind                     VARCHAR(20)   NOT NULL,
    request_id               VARCHAR(100),
    response_code            VARCHAR(20)   NOT NULL,
    document                 BINARY VARYING(1048576) NOT NULL,
    accepted_epoch_milli     BIGINT        NOT NULL,
    attempts                 INTEGER       NOT NULL,
    next_attempt_epoch_milli BIGINT        NOT NULL,
    last_error               VARCHAR(500),
    dead_epoch_milli         BIGINT
);

CREATE INDEX duis_outbox_user_seq ON duis_outbox (user_eui, seq);

-- The last sequence handed out: sequences are never reused, even once every row is gone.
CREATE TABLE duis_outbox_sequence (
    id       INTEGER NOT NULL PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);

INSERT INTO duis_outbox_sequence (id, last_seq) VALUES (1, 0);

-- Each User's registered receiving endpoint (its "receive response service" URL).
CREATE TABLE duis_receive_url (
    user_eui BIGINT        NOT NULL PRIMARY KEY,
    url      VARCHAR(2000) NOT NULL
);
