-- The simulator's registry of DCC Users, kept so that Users registered through the settings or the
-- control API are still there after a restart. A row with a NULL role records a User that was
-- removed (so a removed default User stays removed). The role is a DUIS User Role's name, e.g.
-- IMPORT_SUPPLIER. Not part of the certificate change feed.
CREATE TABLE duis_user (
    user_eui BIGINT      NOT NULL PRIMARY KEY,
    role     VARCHAR(40)
);
