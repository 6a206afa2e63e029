-- A device may be held without premises: one pre-notified (DUIS SR 12.2) is not yet installed, so
-- it has no postcode and no address identifier (both or neither, as the application checks), and
-- its CSP region may be unknown. A device without a postcode is in no postcode's lookup.
ALTER TABLE smi_device ALTER COLUMN postcode DROP NOT NULL;
ALTER TABLE smi_device ALTER COLUMN address_identifier DROP NOT NULL;
ALTER TABLE smi_device ALTER COLUMN csp_region DROP NOT NULL;
