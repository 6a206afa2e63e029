-- The Smart Metering Inventory: the devices the simulated DCC knows, one row each, keyed by the
-- device's EUI-64 written as 16 lower-case hex digits (so the key sorts as the EUIs do). Enumerated
-- values are stored as their DUIS text (e.g. ESME, Commissioned, North, Cellular); an empty optional
-- value is NULL. Not part of the certificate change feed.
CREATE TABLE smi_device (
    device_eui           CHAR(16) COLLATE "C"    NOT NULL PRIMARY KEY,
    device_type          VARCHAR(8)      NOT NULL,
    status               VARCHAR(32)     NOT NULL,
    manufacturer         VARCHAR(40)     NOT NULL,
    model                VARCHAR(40)     NOT NULL,
    firmware_version     VARCHAR(40)     NOT NULL,
    firmware_status      VARCHAR(16)     NOT NULL,
    smets_chts_version   VARCHAR(40)     NOT NULL,
    gbcs_version         VARCHAR(10)     NOT NULL,
    uprn                 BIGINT,
    postcode             VARCHAR(8)      NOT NULL,
    address_identifier   VARCHAR(30)     NOT NULL,
    csp_region           VARCHAR(8)      NOT NULL,
    han_variant          VARCHAR(30)     NOT NULL,
    connectivity         VARCHAR(16),
    supplier_eui         CHAR(16),
    network_operator_eui CHAR(16)
);
CREATE INDEX smi_device_by_uprn ON smi_device (uprn);
CREATE INDEX smi_device_by_postcode ON smi_device (postcode);

-- A device's MPANs and MPRNs, in the order given (position from 0).
CREATE TABLE smi_device_mpxn (
    device_eui CHAR(16) COLLATE "C" NOT NULL REFERENCES smi_device (device_eui) ON DELETE CASCADE,
    position   SMALLINT     NOT NULL,
    mpxn       VARCHAR(13)  NOT NULL,
    PRIMARY KEY (device_eui, position)
);
CREATE INDEX smi_device_mpxn_by_mpxn ON smi_device_mpxn (mpxn);
