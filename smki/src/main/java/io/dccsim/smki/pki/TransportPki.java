package io.dccsim.smki.pki;

import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.GbcsProfile;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.pki.internal.KeyIdentifiers;
import io.dccsim.smki.pki.internal.PkiFiles;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A small CA for the TLS transport of the simulated DCC, kept apart from the SMKI {@link
 * SmkiHierarchy}: SMKI certificates sign DUIS messages and follow the GBCS profile, while TLS
 * certificates follow ordinary web-PKI conventions (subjectAltName, extendedKeyUsage). It plays the
 * part the DCC Key Infrastructure plays for the real DCC's TLS, without following any DCCKI
 * certificate profile.
 *
 * <p>Everything is P-256 ECDSA with SHA-256. The CA is self-signed, valid for {@link #CA_VALIDITY};
 * it issues server certificates (serverAuth, a subjectAltName per host name or IP address) and
 * client certificates (clientAuth) valid for {@link #LEAF_VALIDITY}, never beyond the CA. A
 * directory holds the CA as {@value #CA_CERT_FILE} and {@value #CA_KEY_FILE} (unencrypted PKCS#8,
 * mode 0600), so the CA a client trusts survives restarts:
 *
 * <pre>{@code
 * TransportPki tls = TransportPki.loadOrCreate(dir, Clock.systemUTC());
 * Credential server = tls.serverCredential(List.of("localhost", "127.0.0.1"));
 * Credential client = tls.clientCredential("90-B3-D5-1F-30-01-00-00");
 * }</pre>
 *
 * <p>TLS peers check validity against real time, so pass the system clock, not a simulated one.
 */
public final class TransportPki {
  /** The CA certificate's file name in a directory. */
  public static final String CA_CERT_FILE = "tls-ca.cert.pem";

  /** The CA private key's file name in a directory. */
  public static final String CA_KEY_FILE = "tls-ca.key.pem";

  /** Subject CN of a generated CA. */
  public static final String CA_NAME = "dccsim Test Transport CA";

  /** How long a generated CA is valid. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  /** How long an issued server or client certificate is valid (at most). */
  public static final Duration LEAF_VALIDITY = Duration.ofDays(397);

  /** How far notBefore is set back from now, for peers whose clocks run a little behind. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private final Credential ca;
  private final IssuingAuthority issuer;
  private final Clock clock;

  private TransportPki(Credential ca, Clock clock) {
    this.ca = Objects.requireNonNull(ca, "ca");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.issuer = new IssuingAuthority(ca);
  }

  /** A new CA with a fresh key, valid from now (less {@link #BACKDATE}). */
  public static TransportPki create(Clock clock) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    KeyPair keys = Crypto.generateKeyPair(Crypto.random());
    X500Name name = name(CA_NAME);
    SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            name,
            Crypto.newSerial(),
            GbcsProfile.time(now.minus(BACKDATE)),
            GbcsProfile.time(now.plus(CA_VALIDITY)),
            name,
            key);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifiers.of(key)));
    } catch (CertIOException e) {
      throw new UncheckedIOException(e);
    }
    X509Certificate cert =
        IssuingAuthority.toX509(
            IssuingAuthority.der(b.build(Crypto.signer(keys.getPrivate(), Crypto.random()))));
    return new TransportPki(new Credential(keys.getPrivate(), cert, List.of()), clock);
  }

  /** A transport PKI over a CA someone already holds (it must be allowed to sign certificates). */
  public static TransportPki of(Credential ca, Clock clock) {
    if (ca.certificate().getBasicConstraints() < 0) {
      throw new IllegalArgumentException(
          "Not a CA certificate: " + ca.certificate().getSubjectX500Principal());
    }
    return new TransportPki(ca, clock);
  }

  /** Whether a directory holds a saved CA. */
  public static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.resolve(CA_CERT_FILE))
        && Files.isRegularFile(dir.resolve(CA_KEY_FILE));
  }

  /**
   * The CA saved in {@code dir}.
   *
   * @throws IllegalArgumentException when the key does not match the certificate, or it is no CA
   */
  public static TransportPki load(Path dir, Clock clock) {
    return of(CredentialLoader.load(dir.resolve(CA_CERT_FILE), dir.resolve(CA_KEY_FILE)), clock);
  }

  /** The CA saved in {@code dir} if there is one, else a new one saved there. */
  public static TransportPki loadOrCreate(Path dir, Clock clock) {
    if (existsIn(dir)) {
      return load(dir, clock);
    }
    TransportPki pki = create(clock);
    pki.save(dir);
    return pki;
  }

  /** Writes the CA certificate and key to a directory (created if needed). */
  public void save(Path dir) {
    PkiFiles.writePublic(dir.resolve(CA_CERT_FILE), ca.certificatePem());
    PkiFiles.writeSecret(dir.resolve(CA_KEY_FILE), ca.privateKeyPkcs8Pem());
  }

  /** The CA: the certificate TLS clients (and the server, for client certificates) trust. */
  public Credential ca() {
    return ca;
  }

  /**
   * A new server credential: subjectAltName with each name (a DNS name, or an IPv4 or IPv6
   * address), extendedKeyUsage serverAuth, the first name as CN. Its chain is the CA.
   *
   * @param names host names and IP address literals, at least one
   */
  public Credential serverCredential(List<String> names) {
    List<String> unique = List.copyOf(new LinkedHashSet<>(names));
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("A server certificate needs at least one name");
    }
    List<GeneralName> alt = new ArrayList<>();
    for (String n : unique) {
      alt.add(generalName(n));
    }
    return issue(
        name(unique.get(0)),
        KeyPurposeId.id_kp_serverAuth,
        new Extension(
            Extension.subjectAlternativeName,
            false,
            encode(new GeneralNames(alt.toArray(new GeneralName[0])))));
  }

  /** A new client credential: extendedKeyUsage clientAuth, this CN. Its chain is the CA. */
  public Credential clientCredential(String commonName) {
    return issue(name(commonName), KeyPurposeId.id_kp_clientAuth, null);
  }

  private Credential issue(X500Name subject, KeyPurposeId purpose, Extension altName) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = now.plus(LEAF_VALIDITY);
    Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
    if (caNotAfter.isBefore(notAfter)) {
      notAfter = caNotAfter;
    }
    if (!notAfter.isAfter(now)) {
      throw new IllegalStateException("The transport CA has expired: " + caNotAfter);
    }
    KeyPair keys = Crypto.generateKeyPair(Crypto.random());
    List<Extension> extensions = new ArrayList<>();
    extensions.add(
        new Extension(Extension.basicConstraints, true, encode(new BasicConstraints(false))));
    extensions.add(
        new Extension(Extension.keyUsage, true, encode(new KeyUsage(KeyUsage.digitalSignature))));
    extensions.add(
        new Extension(Extension.extendedKeyUsage, false, encode(new ExtendedKeyUsage(purpose))));
    if (altName != null) {
      extensions.add(altName);
    }
    X509Certificate cert =
        IssuingAuthority.toX509(
            IssuingAuthority.der(
                issuer.sign(
                    Crypto.newSerial(),
                    subject,
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
                    GbcsProfile.time(now.minus(BACKDATE)),
                    GbcsProfile.time(notAfter),
                    extensions)));
    return new Credential(keys.getPrivate(), cert, List.of(ca.certificate()));
  }

  /**
   * Whether a certificate is one this CA signed that stays valid for at least {@code margin} more:
   * the test for keeping a certificate issued on an earlier run.
   */
  public boolean stillValid(X509Certificate cert, Duration margin) {
    try {
      cert.verify(ca.certificate().getPublicKey(), Crypto.PROVIDER);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
    Instant now = clock.instant();
    return !cert.getNotBefore().toInstant().isAfter(now)
        && cert.getNotAfter().toInstant().isAfter(now.plus(margin));
  }

  /**
   * Whether a certificate's subjectAltName holds every one of these names (DNS names compared
   * without case, IP addresses by value, so {@code ::1} matches {@code 0:0:0:0:0:0:0:1}).
   */
  public static boolean names(X509Certificate cert, List<String> names) {
    Collection<List<?>> alt;
    try {
      alt = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return false;
    }
    if (alt == null) {
      return names.isEmpty();
    }
    Set<String> present = new HashSet<>();
    for (List<?> entry : alt) {
      int type = (Integer) entry.get(0);
      if (type == GeneralName.dNSName || type == GeneralName.iPAddress) {
        present.add(normalise(String.valueOf(entry.get(1))));
      }
    }
    for (String n : names) {
      if (!present.contains(normalise(n))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a string is an IPv4 or IPv6 address literal (no name lookup). */
  public static boolean isAddress(String name) {
    return IPAddress.isValid(name);
  }

  private static String normalise(String name) {
    if (isAddress(name)) {
      try {
        // A literal: parsed, never looked up.
        return InetAddress.getByName(name).getHostAddress();
      } catch (UnknownHostException e) {
        return name;
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static GeneralName generalName(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("A blank server name");
    }
    return isAddress(name)
        ? new GeneralName(GeneralName.iPAddress, name)
        : new GeneralName(GeneralName.dNSName, name.toLowerCase(Locale.ROOT));
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, new DERUTF8String(commonName))
        .addRDN(BCStyle.O, new DERUTF8String("dccsim"))
        .build();
  }

  private static byte[] encode(org.bouncycastle.asn1.ASN1Object value) {
    try {
      return value.getEncoded("DER");
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
