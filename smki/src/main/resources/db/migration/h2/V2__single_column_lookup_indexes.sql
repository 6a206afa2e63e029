-- Lookup indexes on their column alone. H2 appends rows in insertion order and keys a secondary
-- index by (column, row id), so these indexes grow at their ends during a bulk load instead of being
-- rewritten at random places, as (column, serial) indexes were: a bulk load of random serials ran
-- about 2.7 times faster. A search by EUI reads its few rows through the index and sorts them.
DROP INDEX smki_certificate_subject_eui;
DROP INDEX smki_certificate_subject_alt_name_eui;
DROP INDEX smki_certificate_status;

CREATE INDEX smki_certificate_subject_eui ON smki_certificate (subject_eui);
CREATE INDEX smki_certificate_subject_alt_name_eui ON smki_certificate (subject_alt_name_eui);
CREATE INDEX smki_certificate_status ON smki_certificate (status_code);
