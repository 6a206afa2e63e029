/**
 * A GBCS codec: reads and writes the {@link io.dccsim.core.gbcs.GeneralCiphering} frame of a MACed
 * message and the {@link io.dccsim.core.gbcs.GeneralSigning} APDU (grouping header, content, ECDSA
 * P-256 signature), the DLMS {@link io.dccsim.core.gbcs.DlmsApdu} forms and the ZigBee {@link
 * io.dccsim.core.gbcs.GbzPayload} form of their content, the MAC and key derivation ({@link
 * io.dccsim.core.gbcs.KeyDerivation}) and sensitive-data encryption ({@link
 * io.dccsim.core.gbcs.EncryptedData}). Malformed bytes are refused with a {@link
 * io.dccsim.core.gbcs.GbcsFormatException}.
 */
package io.dccsim.core.gbcs;
