-- Outbox sequence numbers from a sequence instead of the locked row of duis_outbox_sequence: every
-- append locked that row until its commit (and its fsync), so appends in parallel queued one after
-- another. A sequence hands out each number once, across processes, without a lock. It starts after
-- the last number the row handed out; the row is kept but no longer advanced.
CREATE SEQUENCE duis_outbox_seq;
SELECT setval('duis_outbox_seq', (SELECT last_seq FROM duis_outbox_sequence WHERE id = 1) + 1, false);
