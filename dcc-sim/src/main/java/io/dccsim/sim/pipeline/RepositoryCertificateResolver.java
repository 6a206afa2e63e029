package io.dccsim.sim.pipeline;

import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.IssuerName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Finds a signer's certificate in the SMKI repository by {@code X509IssuerSerial}. Issuers are
 * compared as X.500 names (case, spacing and string types do not matter), in either RDN order:
 * signing tools write the same name with its RDNs reversed (as OpenSSL prints it).
 */
public final class RepositoryCertificateResolver implements CertificateResolver {
  /** Parsed certificates kept, by serial; beyond this the cache starts again. */
  static final int CACHE_LIMIT = 4096;

  private final CertificateRepository repository;
  // Parsing DER costs more than a lookup; a cached entry is used only while its DER is unchanged.
  private final ConcurrentMap<BigInteger, X509Certificate> parsed = new ConcurrentHashMap<>();

  /** Resolves from this repository. */
  public RepositoryCertificateResolver(CertificateRepository repository) {
    this.repository = repository;
  }

  @Override
  public Optional<X509Certificate> resolve(X500Principal issuer, BigInteger serial) {
    return record(issuer, serial).map(this::certificateOf);
  }

  /** The certificate a record holds, parsed once while its DER stays the same. */
  X509Certificate certificateOf(CertificateRecord record) {
    X509Certificate cached = parsed.get(record.serial());
    try {
      if (cached != null && Arrays.equals(cached.getEncoded(), record.der())) {
        return cached;
      }
    } catch (CertificateEncodingException e) {
      // fall through and parse again
    }
    X509Certificate certificate = certificate(record);
    if (parsed.size() >= CACHE_LIMIT) {
      parsed.clear();
    }
    parsed.put(record.serial(), certificate);
    return certificate;
  }

  /** The repository record for this issuer and serial, if any. */
  public Optional<CertificateRecord> record(X500Principal issuer, BigInteger serial) {
    Optional<CertificateRecord> found = repository.findBySerial(serial);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String stored = found.get().issuer();
    String given = issuer.getName(X500Principal.RFC2253);
    if (IssuerName.same(stored, given) || IssuerName.same(stored, reversed(issuer))) {
      return found;
    }
    return Optional.empty();
  }

  static String reversed(X500Principal name) {
    RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs();
    RDN[] reversed = new RDN[rdns.length];
    for (int i = 0; i < rdns.length; i++) {
      reversed[i] = rdns[rdns.length - 1 - i];
    }
    try {
      return new X500Principal(new X500Name(reversed).getEncoded()).getName(X500Principal.RFC2253);
    } catch (IOException e) {
      throw new IllegalStateException("A parsed name always encodes", e);
    }
  }

  static X509Certificate certificate(CertificateRecord record) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(record.der()));
    } catch (CertificateException e) {
      throw new IllegalStateException("The repository holds a certificate that does not parse", e);
    }
  }
}
