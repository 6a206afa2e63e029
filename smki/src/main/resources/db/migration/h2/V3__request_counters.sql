-- The last accepted DUIS RequestID counter of each originator, so a restarted simulator still
-- refuses a replayed request as the DCC does. The counter is the unsigned 64-bit value's bits as a
-- signed BIGINT; the simulator compares them unsigned. Not part of the certificate change feed.
CREATE TABLE duis_request_counter (
    originator_eui BIGINT NOT NULL PRIMARY KEY,
    last_counter   BIGINT NOT NULL
);
