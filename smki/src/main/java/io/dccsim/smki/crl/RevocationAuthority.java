package io.dccsim.smki.crl;

import io.dccsim.smki.http.RevocationListSource;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.SmkiHierarchy;
import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.GbcsProfile;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.pki.internal.PkiFiles;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.IssuerName;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * Revokes certificates and issues the revocation lists: the Organisation CA's CRL (revoked
 * certificates the OCA issued) and the Root's ARL (revoked certificates the Root issued, i.e. the
 * OCA and DCA). A revoked Device Certificate is marked {@code R} in the repository but appears on
 * neither list: the SMKI publishes no device CRL.
 *
 * <p>The repository is the source of truth: a list holds every certificate of its issuer whose
 * status is {@code R}, with the time of that status as the revocation date. Reasons given to {@link
 * #revoke} are remembered while this object lives (and in the state directory, when one is set); an
 * entry whose reason is unknown carries no reason code.
 *
 * <p>It is also the {@link RevocationListSource} the repository's HTTP interface serves the lists
 * from: {@code SmkiRepositoryServer.builder(repository).revocationLists(authority)}.
 *
 * <p>cRLNumber increases by one with every list issued, separately for CRL and ARL. With a {@link
 * Builder#stateDirectory state directory} the last numbers, reasons and lists survive restarts and
 * the current lists are also written there as {@code oca.crl} and {@code root.arl}.
 */
public final class RevocationAuthority implements RevocationLists, RevocationListSource {
  /** The default time from thisUpdate to nextUpdate. */
  public static final Duration DEFAULT_NEXT_UPDATE = Duration.ofDays(1);

  private final CertificateRepository repository;
  private final Clock clock;
  private final Duration nextUpdate;
  private final Path stateDirectory;
  private final Map<BigInteger, RevocationReason> reasons = new ConcurrentHashMap<>();
  private final ListIssuer crl;
  private final ListIssuer arl;

  private RevocationAuthority(Builder b) {
    this.repository = b.repository;
    this.clock = b.clock;
    this.nextUpdate = b.nextUpdate;
    this.stateDirectory = b.stateDirectory;
    Properties state = readState();
    state.stringPropertyNames().stream()
        .filter(k -> k.startsWith("reason."))
        .forEach(
            k ->
                reasons.put(
                    new BigInteger(k.substring(7), 16),
                    RevocationReason.valueOf(state.getProperty(k))));
    this.crl = new ListIssuer(b.hierarchy.organisationCa(), "crl", "oca.crl", state);
    this.arl = new ListIssuer(b.hierarchy.root(), "arl", "root.arl", state);
  }

  /** Starts a revocation authority for this hierarchy over this repository. */
  public static Builder builder(SmkiHierarchy hierarchy, CertificateRepository repository) {
    return new Builder(hierarchy, repository);
  }

  /**
   * Revokes a certificate: sets its status to {@code R} at {@code when} in the repository, and it
   * appears on the next list of its issuer.
   *
   * @return the record as now held, or empty when the repository has no such serial
   */
  public Optional<CertificateRecord> revoke(
      BigInteger serial, RevocationReason reason, Instant when) {
    Objects.requireNonNull(reason, "reason");
    Optional<CertificateRecord> r =
        repository.changeStatus(serial, CertificateStatus.REVOKED, when);
    if (r.isPresent()) {
      reasons.put(serial, reason);
      saveState();
    }
    return r;
  }

  @Override
  public byte[] currentCrlDer() {
    return crl.current();
  }

  @Override
  public byte[] currentArlDer() {
    return arl.current();
  }

  /** The current CRL for the repository's HTTP interface (always present: issued on demand). */
  @Override
  public Optional<byte[]> crl() {
    return Optional.of(currentCrlDer());
  }

  /** The current ARL for the repository's HTTP interface (always present: issued on demand). */
  @Override
  public Optional<byte[]> arl() {
    return Optional.of(currentArlDer());
  }

  /** The cRLNumber of the last CRL issued (0 before the first). */
  public long lastCrlNumber() {
    return crl.number();
  }

  /** The cRLNumber of the last ARL issued (0 before the first). */
  public long lastArlNumber() {
    return arl.number();
  }

  /** One revoked entry: serial, revocation date, reason if known. */
  private record Entry(BigInteger serial, Instant revokedAt, RevocationReason reason) {}

  /** Issues the lists of one CA. */
  private final class ListIssuer {
    private final Credential ca;
    private final X500Name name;
    private final String issuerText;
    private final byte[] keyIdentifier;
    private final String key;
    private final String fileName;
    private long number;
    private long seenSequence = -1;
    private List<Entry> entries;
    private Instant validUntil;
    private byte[] der;

    ListIssuer(Credential ca, String key, String fileName, Properties state) {
      this.ca = ca;
      this.name = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
      this.issuerText = GbcsProfile.distinguishedName(name);
      this.keyIdentifier = IssuingAuthority.subjectKeyIdentifier(ca.certificate());
      this.key = key;
      this.fileName = fileName;
      this.number = Long.parseLong(state.getProperty(key + ".number", "0"));
      resumePublished();
    }

    /** Takes up the list last written to the state directory, if it is this CA's latest. */
    private void resumePublished() {
      if (stateDirectory == null || !Files.isRegularFile(stateDirectory.resolve(fileName))) {
        return;
      }
      try {
        byte[] published = Files.readAllBytes(stateDirectory.resolve(fileName));
        X509CRLHolder h = new X509CRLHolder(published);
        CRLNumber n = CRLNumber.getInstance(h.getExtension(Extension.cRLNumber).getParsedValue());
        if (!h.getIssuer().equals(name)
            || n.getCRLNumber().longValue() != number
            || h.getNextUpdate() == null) {
          return;
        }
        List<Entry> listed = new ArrayList<>();
        for (Object o : h.getRevokedCertificates()) {
          X509CRLEntryHolder e = (X509CRLEntryHolder) o;
          Extension reasonCode =
              e.getExtensions() == null
                  ? null
                  : e.getExtensions().getExtension(Extension.reasonCode);
          RevocationReason reason =
              reasonCode == null
                  ? null
                  : RevocationReason.fromCode(
                      CRLReason.getInstance(reasonCode.getParsedValue()).getValue().intValue());
          listed.add(new Entry(e.getSerialNumber(), e.getRevocationDate().toInstant(), reason));
        }
        entries = List.copyOf(listed);
        validUntil = h.getNextUpdate().toInstant();
        der = published;
      } catch (IOException | RuntimeException unusable) {
        // A damaged or foreign file: the next list is issued afresh with the next number.
        der = null;
      }
    }

    synchronized long number() {
      return number;
    }

    synchronized byte[] current() {
      Instant now = clock.instant();
      long sequence = repository.lastSequence();
      boolean expired = der == null || !now.isBefore(validUntil);
      if (!expired && sequence == seenSequence) {
        return der.clone();
      }
      List<Entry> nowRevoked = revokedEntries();
      seenSequence = sequence;
      if (!expired && nowRevoked.equals(entries)) {
        return der.clone();
      }
      issue(now, nowRevoked);
      return der.clone();
    }

    private void issue(Instant now, List<Entry> revoked) {
      Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
      Instant next = thisUpdate.plus(nextUpdate);
      long n = number + 1;
      X509v2CRLBuilder b = new X509v2CRLBuilder(name, GbcsProfile.time(thisUpdate));
      b.setNextUpdate(GbcsProfile.time(next));
      for (Entry e : revoked) {
        Date date = Date.from(e.revokedAt());
        if (e.reason() == null) {
          b.addCRLEntry(e.serial(), date, null);
        } else {
          b.addCRLEntry(e.serial(), date, e.reason().code());
        }
      }
      try {
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(n)));
        b.addExtension(
            Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyIdentifier));
      } catch (CertIOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        der = b.build(Crypto.signer(ca.privateKey(), Crypto.random())).getEncoded();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      number = n;
      entries = revoked;
      validUntil = next;
      if (stateDirectory != null) {
        PkiFiles.writePublic(stateDirectory.resolve(fileName), der);
        saveState();
      }
    }

    private List<Entry> revokedEntries() {
      CertificateQuery query = CertificateQuery.all().withStatus(CertificateStatus.REVOKED);
      List<CertificateRecord> found = repository.search(query);
      List<Entry> out = new ArrayList<>();
      if (found.size() < query.limit()) {
        found.forEach(r -> collect(r, out));
      } else {
        // More revoked than one search returns: stream the whole repository instead.
        repository.scan(
            r -> {
              if (r.status() == CertificateStatus.REVOKED) {
                collect(r, out);
              }
            });
      }
      return List.copyOf(out);
    }

    private void collect(CertificateRecord r, List<Entry> out) {
      if (IssuerName.same(r.issuer(), issuerText)) {
        out.add(
            new Entry(
                r.serial(),
                r.statusChangedAt().truncatedTo(ChronoUnit.SECONDS),
                reasons.get(r.serial())));
      }
    }
  }

  private Properties readState() {
    Properties p = new Properties();
    if (stateDirectory != null) {
      Path file = stateDirectory.resolve(STATE_FILE);
      if (Files.isRegularFile(file)) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
          p.load(r);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + file, e);
        }
      }
    }
    return p;
  }

  private static final String STATE_FILE = "revocation.properties";

  private synchronized void saveState() {
    if (stateDirectory == null) {
      return;
    }
    Properties p = new Properties();
    // The list issuers may not exist yet while the constructor runs.
    if (crl != null) {
      p.setProperty("crl.number", Long.toString(crl.number()));
    }
    if (arl != null) {
      p.setProperty("arl.number", Long.toString(arl.number()));
    }
    reasons.forEach(
        (serial, reason) -> p.setProperty("reason." + serial.toString(16), reason.name()));
    StringWriter w = new StringWriter();
    try {
      p.store(w, "Revocation state: last cRLNumbers and revocation reasons");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PkiFiles.writePublic(stateDirectory.resolve(STATE_FILE), w.toString());
  }

  /** Configures a {@link RevocationAuthority}. */
  public static final class Builder {
    private final SmkiHierarchy hierarchy;
    private final CertificateRepository repository;
    private Clock clock = Clock.systemUTC();
    private Duration nextUpdate = DEFAULT_NEXT_UPDATE;
    private Path stateDirectory;

    private Builder(SmkiHierarchy hierarchy, CertificateRepository repository) {
      this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
      this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** The clock for thisUpdate and nextUpdate (default: the system clock, UTC). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** The time from thisUpdate to nextUpdate (default one day). */
    public Builder nextUpdate(Duration d) {
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("nextUpdate must be at least one second: " + d);
      }
      this.nextUpdate = d;
      return this;
    }

    /**
     * A directory (for example the PKI directory) where the last cRLNumbers, the reasons and the
     * current lists are kept, so numbering continues across restarts.
     */
    public Builder stateDirectory(Path dir) {
      this.stateDirectory = Objects.requireNonNull(dir, "stateDirectory");
      return this;
    }

    /** The revocation authority. */
    public RevocationAuthority build() {
      return new RevocationAuthority(this);
    }
  }
}
