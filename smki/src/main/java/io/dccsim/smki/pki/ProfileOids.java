package io.dccsim.smki.pki;

import java.util.Objects;
import java.util.Properties;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The object identifiers a PKI writes into its certificates: one certificatePolicies OID per
 * certificate kind, and the hwType of a device's HardwareModuleName.
 *
 * <p>The {@link #testDefaults()} live under {@code 1.3.6.1.4.1.32473}, the enterprise number RFC
 * 5612 reserves for documentation and examples, so that no certificate of this test PKI can be
 * mistaken for one issued under a real SMKI policy.
 *
 * @param authorityPolicy the policy of the Root, Organisation CA and Device CA certificates
 * @param organisationPolicy the policy of Organisation Certificates
 * @param devicePolicy the policy of Device Certificates
 * @param hardwareModuleType the hwType written in a Device Certificate's HardwareModuleName
 */
public record ProfileOids(
    String authorityPolicy,
    String organisationPolicy,
    String devicePolicy,
    String hardwareModuleType) {

  /** The test arc: RFC 5612's documentation enterprise number, then {@code 1} for this project. */
  public static final String TEST_ARC = "1.3.6.1.4.1.32473.1";

  /** Validates that every value is a well-formed OID. */
  public ProfileOids {
    for (String oid :
        new String[] {authorityPolicy, organisationPolicy, devicePolicy, hardwareModuleType}) {
      Objects.requireNonNull(oid, "oid");
      if (ASN1ObjectIdentifier.tryFromID(oid) == null) {
        throw new IllegalArgumentException("Not an object identifier: '" + oid + "'");
      }
    }
  }

  /** This project's test OIDs: policies {@code TEST_ARC.1.{1,2,3}}, hwType {@code TEST_ARC.2.1}. */
  public static ProfileOids testDefaults() {
    return new ProfileOids(
        TEST_ARC + ".1.1", TEST_ARC + ".1.2", TEST_ARC + ".1.3", TEST_ARC + ".2.1");
  }

  /** Writes the OIDs as properties (the form a PKI directory keeps them in). */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("policy.authority", authorityPolicy);
    p.setProperty("policy.organisation", organisationPolicy);
    p.setProperty("policy.device", devicePolicy);
    p.setProperty("device.hwType", hardwareModuleType);
    return p;
  }

  /** Reads OIDs written by {@link #toProperties()}; missing keys take the test defaults. */
  public static ProfileOids fromProperties(Properties p) {
    ProfileOids d = testDefaults();
    return new ProfileOids(
        p.getProperty("policy.authority", d.authorityPolicy),
        p.getProperty("policy.organisation", d.organisationPolicy),
        p.getProperty("policy.device", d.devicePolicy),
        p.getProperty("device.hwType", d.hardwareModuleType));
  }
}
