-- The SMKI certificate repository: one row per certificate, one row per change, one sequence row.

-- serial: up to 20 octets (RFC 5280), so NUMERIC rather than BIGINT; it is the key of every lookup.
-- Status times are kept as epoch second + nanosecond so they round-trip exactly on every database.
CREATE TABLE smki_certificate (
  serial                NUMERIC(50, 0) NOT NULL,
  issuer                VARCHAR(1024)  NOT NULL,
  kind                  VARCHAR(12)    NOT NULL,
  subject_eui           BIGINT,
  subject_alt_name_eui  BIGINT,
  role_code             SMALLINT,
  usage_code            CHAR(2)        NOT NULL,
  status_code           CHAR(1)        NOT NULL,
  status_epoch_second   BIGINT         NOT NULL,
  status_nano           INTEGER        NOT NULL,
  der                   BINARY VARYING(16384) NOT NULL,
  CONSTRAINT smki_certificate_pk PRIMARY KEY (serial)
);

-- Searches filter on one EUI and return results ordered by serial: both in the index.
CREATE INDEX smki_certificate_subject_eui ON smki_certificate (subject_eui, serial);
CREATE INDEX smki_certificate_subject_alt_name_eui ON smki_certificate (subject_alt_name_eui, serial);
CREATE INDEX smki_certificate_status ON smki_certificate (status_code, serial);

-- The change feed. A change stores the status it set; the rest of the record is immutable and read
-- from smki_certificate.
CREATE TABLE smki_certificate_change (
  seq                   BIGINT         NOT NULL,
  change_type           VARCHAR(16)    NOT NULL,
  serial                NUMERIC(50, 0) NOT NULL,
  status_code           CHAR(1)        NOT NULL,
  status_epoch_second   BIGINT         NOT NULL,
  status_nano           INTEGER        NOT NULL,
  CONSTRAINT smki_certificate_change_pk PRIMARY KEY (seq)
);

-- The last sequence handed out. Every writer locks this row first, so writers are serialised and
-- changes commit in sequence order: a reader never sees sequence n before n - 1.
CREATE TABLE smki_change_sequence (
  id                    INTEGER        NOT NULL,
  last_seq              BIGINT         NOT NULL,
  CONSTRAINT smki_change_sequence_pk PRIMARY KEY (id)
);

INSERT INTO smki_change_sequence (id, last_seq) VALUES (1, 0);
