package io.dccsim.smki.pki;

import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.GbcsProfile;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.pki.internal.KeyIdentifiers;
import io.dccsim.smki.pki.internal.PkiFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The three CAs of a test SMKI: the self-signed Root, the Organisation CA (OCA) that issues
 * Organisation Certificates, and the Device CA (DCA) that issues Device Certificates. Both issuing
 * CAs are certified by the Root.
 *
 * <p>A PKI directory holds {@code root.pem}, {@code root.key.pem}, {@code oca.pem}, {@code
 * oca.key.pem}, {@code dca.pem}, {@code dca.key.pem} (certificates as PEM, keys as unencrypted
 * PKCS#8 PEM with mode 0600) and {@code profile.properties} (the {@link ProfileOids}).
 *
 * @param root the Root CA (chain empty)
 * @param organisationCa the OCA (chain: the Root)
 * @param deviceCa the DCA (chain: the Root)
 * @param oids the OIDs written into the certificates this hierarchy issues
 */
public record SmkiHierarchy(
    Credential root, Credential organisationCa, Credential deviceCa, ProfileOids oids) {

  /** Subject CN of a generated Root. */
  public static final String ROOT_NAME = "dccsim Test Root CA";

  /** Subject CN of a generated OCA. */
  public static final String ORGANISATION_CA_NAME = "dccsim Test Organisation CA";

  /** Subject CN of a generated DCA. */
  public static final String DEVICE_CA_NAME = "dccsim Test Device CA";

  static final String ROOT_FILE = "root";
  static final String OCA_FILE = "oca";
  static final String DCA_FILE = "dca";
  static final String PROFILE_FILE = "profile.properties";

  /** Validates. */
  public SmkiHierarchy {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(organisationCa, "organisationCa");
    Objects.requireNonNull(deviceCa, "deviceCa");
    Objects.requireNonNull(oids, "oids");
  }

  /**
   * Generates a new hierarchy: fresh P-256 keys, certificates valid from the clock's current second
   * with notAfter {@code 99991231235959Z}.
   */
  public static SmkiHierarchy generate(Clock clock, ProfileOids oids) {
    Time notBefore = GbcsProfile.time(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Time notAfter = GbcsProfile.noExpiry();

    KeyPair rootKeys = Crypto.generateKeyPair(Crypto.random());
    X500Name rootName = GbcsProfile.authoritySubject(ROOT_NAME, RemotePartyRole.ROOT);
    SubjectPublicKeyInfo rootKey =
        SubjectPublicKeyInfo.getInstance(rootKeys.getPublic().getEncoded());
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            rootName, Crypto.newSerial(), notBefore, notAfter, rootName, rootKey);
    try {
      b.addExtension(GbcsProfile.basicConstraints(null));
      b.addExtension(GbcsProfile.authorityKeyUsage());
      b.addExtension(GbcsProfile.policy(oids.authorityPolicy()));
      b.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new SubjectKeyIdentifier(KeyIdentifiers.of(rootKey)));
    } catch (CertIOException e) {
      throw new UncheckedIOException(e);
    }
    X509Certificate rootCert =
        IssuingAuthority.toX509(
            IssuingAuthority.der(b.build(Crypto.signer(rootKeys.getPrivate(), Crypto.random()))));
    Credential root = new Credential(rootKeys.getPrivate(), rootCert, List.of());
    IssuingAuthority rootCa = new IssuingAuthority(root);

    return new SmkiHierarchy(
        root,
        subordinate(rootCa, ORGANISATION_CA_NAME, oids, notBefore, notAfter),
        subordinate(rootCa, DEVICE_CA_NAME, oids, notBefore, notAfter),
        oids);
  }

  private static Credential subordinate(
      IssuingAuthority root, String name, ProfileOids oids, Time notBefore, Time notAfter) {
    KeyPair keys = Crypto.generateKeyPair(Crypto.random());
    X509Certificate cert =
        IssuingAuthority.toX509(
            IssuingAuthority.der(
                root.sign(
                    Crypto.newSerial(),
                    GbcsProfile.authoritySubject(name, RemotePartyRole.ISSUING_AUTHORITY),
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
                    notBefore,
                    notAfter,
                    List.of(
                        GbcsProfile.basicConstraints(0),
                        GbcsProfile.authorityKeyUsage(),
                        GbcsProfile.policy(oids.authorityPolicy())))));
    return new Credential(keys.getPrivate(), cert, root.chainForIssued());
  }

  /**
   * Assembles a hierarchy from credentials someone already holds (for example loaded with {@link
   * CredentialLoader}); the issuing CAs' chains are set to the Root.
   */
  public static SmkiHierarchy of(
      Credential root, Credential organisationCa, Credential deviceCa, ProfileOids oids) {
    return new SmkiHierarchy(
        new Credential(root.privateKey(), root.certificate(), List.of()),
        new Credential(
            organisationCa.privateKey(), organisationCa.certificate(), List.of(root.certificate())),
        new Credential(deviceCa.privateKey(), deviceCa.certificate(), List.of(root.certificate())),
        oids);
  }

  /** Writes the hierarchy to a directory (created if needed), replacing files already there. */
  public void save(Path dir) {
    write(dir, ROOT_FILE, root);
    write(dir, OCA_FILE, organisationCa);
    write(dir, DCA_FILE, deviceCa);
    StringWriter w = new StringWriter();
    try {
      oids.toProperties().store(w, "OIDs written into issued certificates");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PkiFiles.writePublic(dir.resolve(PROFILE_FILE), w.toString());
  }

  private static void write(Path dir, String name, Credential c) {
    PkiFiles.writePublic(dir.resolve(name + ".pem"), c.certificatePem());
    PkiFiles.writeSecret(dir.resolve(name + ".key.pem"), c.privateKeyPkcs8Pem());
  }

  /** Whether a directory holds a saved hierarchy. */
  public static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.resolve(ROOT_FILE + ".pem"))
        && Files.isRegularFile(dir.resolve(OCA_FILE + ".pem"))
        && Files.isRegularFile(dir.resolve(DCA_FILE + ".pem"));
  }

  /**
   * Reads a hierarchy saved by {@link #save} (or put together by hand in the same layout; the files
   * may hold PEM or DER). A missing {@code profile.properties} means the test default OIDs.
   *
   * @throws IllegalArgumentException when a key does not match its certificate
   */
  public static SmkiHierarchy load(Path dir) {
    ProfileOids oids = ProfileOids.testDefaults();
    Path profile = dir.resolve(PROFILE_FILE);
    if (Files.isRegularFile(profile)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(profile, StandardCharsets.ISO_8859_1)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + profile, e);
      }
      oids = ProfileOids.fromProperties(p);
    }
    return of(read(dir, ROOT_FILE), read(dir, OCA_FILE), read(dir, DCA_FILE), oids);
  }

  private static Credential read(Path dir, String name) {
    return CredentialLoader.load(dir.resolve(name + ".pem"), dir.resolve(name + ".key.pem"));
  }
}
