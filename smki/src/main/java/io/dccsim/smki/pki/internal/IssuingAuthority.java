package io.dccsim.smki.pki.internal;

import io.dccsim.smki.pki.Credential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * A CA that signs certificates: its name, its key identifier (written as each certificate's
 * authorityKeyIdentifier) and one signer per thread, so it can be used from many threads at once.
 */
public final class IssuingAuthority {
  private final Credential ca;
  private final X500Name name;
  private final String nameText;
  private final byte[] keyIdentifier;
  private final List<X509Certificate> chainBelow;
  private final ThreadLocal<ContentSigner> signers;

  /** The CA holding this credential. */
  public IssuingAuthority(Credential ca) {
    this.ca = ca;
    this.name = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    this.nameText = GbcsProfile.distinguishedName(name);
    this.keyIdentifier = subjectKeyIdentifier(ca.certificate());
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(ca.certificate());
    chain.addAll(ca.chain());
    this.chainBelow = List.copyOf(chain);
    PrivateKey key = ca.privateKey();
    this.signers = ThreadLocal.withInitial(() -> Crypto.signer(key, Crypto.random()));
  }

  /** The CA's credential. */
  public Credential credential() {
    return ca;
  }

  /** The CA's subject, the issuer of what it signs. */
  public X500Name name() {
    return name;
  }

  /** The CA's name as records hold it (see {@link GbcsProfile#distinguishedName}). */
  public String nameText() {
    return nameText;
  }

  /** The chain a certificate issued by this CA has: this CA first, then its own chain. */
  public List<X509Certificate> chainForIssued() {
    return chainBelow;
  }

  /**
   * Signs a certificate: the given extensions in order, then subjectKeyIdentifier and
   * authorityKeyIdentifier.
   */
  public X509CertificateHolder sign(
      BigInteger serial,
      X500Name subject,
      SubjectPublicKeyInfo key,
      Time notBefore,
      Time notAfter,
      List<Extension> extensions) {
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(name, serial, notBefore, notAfter, subject, key);
    try {
      for (Extension e : extensions) {
        b.addExtension(e);
      }
      b.addExtension(
          Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifiers.of(key)));
      b.addExtension(
          Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyIdentifier));
    } catch (CertIOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build(signers.get());
  }

  /** The JDK's view of a certificate. */
  public static X509Certificate toX509(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** The DER encoding of a certificate holder. */
  public static byte[] der(X509CertificateHolder holder) {
    try {
      return holder.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The subjectKeyIdentifier of a certificate; for a certificate without one (imported material),
   * the identifier this PKI would compute for its key.
   */
  public static byte[] subjectKeyIdentifier(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (ext != null) {
      return ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets();
    }
    return KeyIdentifiers.of(
        SubjectPublicKeyInfo.getInstance(
            ASN1Sequence.getInstance(cert.getPublicKey().getEncoded())));
  }
}
