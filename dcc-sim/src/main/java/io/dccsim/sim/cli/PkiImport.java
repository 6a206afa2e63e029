package io.dccsim.sim.cli;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.value.UserRole;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.PkiBundle;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pki-import} setting: an existing test PKI a team already holds (see {@link PkiBundle})
 * made the simulator's own at start, so that requests signed with the team's keys are accepted
 * unchanged. Every certificate is filed in the SMKI store as in use; each {@code xmlSign} key
 * becomes its User's signing credential (in {@code org-crypto.zip} and the control API too); a
 * {@code dspXmlSign} key of the DCC's EUI signs the answers (unless {@code dcc-cert-file} is set).
 *
 * <p>A User of the bundle that the simulator does not register by default or by the {@code users}
 * setting is registered in a role read from its other Organisation Certificates: supplier as Import
 * Supplier, network operator as Electricity Distributor, other as Other User (the certificates do
 * not tell import from gas supplier: give such Users their role in {@code users}). A User of the
 * bundle whose role cannot be told is filed but not registered, and a log line says so.
 *
 * @param certificates how many certificates were read
 * @param keys how many private keys were read
 * @param users the Users whose keys sign their requests, with their roles where they are known
 * @param dcc the DCC's credential after the import
 * @param supplier the test supplier's credential after the import
 * @param dccImported whether the DCC signs with the imported {@code dspXmlSign} key
 */
record PkiImport(
    Path source,
    int certificates,
    int keys,
    Map<Eui64, Optional<UserRole>> users,
    Credential dcc,
    Credential supplier,
    boolean dccImported) {

  private static final Logger LOG = LoggerFactory.getLogger(PkiImport.class);

  /**
   * Reads the bundle, files its certificates in {@code repository}, and gives {@code builder} the
   * Users' credentials and roles it implies.
   *
   * @param dcc the DCC's credential otherwise used
   * @param supplier the test supplier's credential otherwise used
   * @throws IllegalArgumentException when the bundle cannot be used (unreadable, a key without a
   *     certificate, DSP keys of none but another DCC)
   */
  static PkiImport apply(
      Path source,
      CertificateRepository repository,
      SimulatedClock clock,
      SimulatorConfig config,
      Simulator.Builder builder,
      Credential dcc,
      Credential supplier) {
    PkiBundle bundle = PkiBundle.read(source);
    Map<Eui64, List<RemotePartyRole>> rolesByEui = new LinkedHashMap<>();
    List<Eui64> signers = new ArrayList<>();
    // each certificate is read once, here; the keys below look their profile up by serial
    Map<java.math.BigInteger, CertificateProfile> profiles = new java.util.HashMap<>();
    for (X509Certificate c : bundle.certificates()) {
      CertificateProfile profile;
      try {
        profile = CertificateProfile.read(c);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "pki-import " + source + ": a certificate fits no SMKI profile: " + e.getMessage(), e);
      }
      profiles.put(c.getSerialNumber(), profile);
      repository.add(profile.toRecord(der(c), CertificateStatus.IN_USE, clock.instant()));
      if (profile.kind() == CertificateKind.ORGANISATION && profile.subjectEui().isPresent()) {
        Eui64 eui = profile.subjectEui().get();
        profile
            .role()
            .ifPresent(r -> rolesByEui.computeIfAbsent(eui, k -> new ArrayList<>()).add(r));
        if (profile.role().equals(Optional.of(RemotePartyRole.XML_SIGN))) {
          signers.add(eui);
        }
      }
    }
    Credential dccAfter = dcc;
    Credential supplierAfter = supplier;
    boolean dccImported = false;
    List<Eui64> otherDsps = new ArrayList<>();
    for (Credential k : bundle.credentials()) {
      CertificateProfile profile = profiles.get(k.certificate().getSerialNumber());
      Optional<Eui64> eui = profile.subjectEui();
      if (eui.isEmpty() || profile.role().isEmpty()) {
        continue;
      }
      if (profile.role().get() == RemotePartyRole.DSP_XML_SIGN) {
        if (eui.get().equals(config.dccEui())) {
          if (config.dccCertFile().isEmpty()) {
            dccAfter = k;
            dccImported = true;
          }
        } else {
          otherDsps.add(eui.get());
        }
      } else if (profile.role().get() == RemotePartyRole.XML_SIGN) {
        if (eui.get().equals(Simulator.TEST_SUPPLIER_EUI)) {
          supplierAfter = k;
        } else {
          builder.userCredential(eui.get(), k);
        }
      }
    }
    if (!dccImported && !otherDsps.isEmpty() && config.dccCertFile().isEmpty()) {
      throw new IllegalArgumentException(
          "pki-import "
              + source
              + " holds the DCC's dspXmlSign key of "
              + otherDsps
              + " but dcc-eui is "
              + config.dccEui()
              + ": set dcc-eui to the DCC's EUI of the bundle");
    }
    Map<Eui64, Optional<UserRole>> users = new LinkedHashMap<>();
    Map<Eui64, UserRole> inferred = new LinkedHashMap<>();
    for (Eui64 eui : signers) {
      Optional<UserRole> role =
          Optional.ofNullable(config.users().get(eui))
              .or(() -> Optional.ofNullable(Simulator.DEFAULT_USERS.get(eui)))
              .or(() -> roleOf(rolesByEui.get(eui)));
      users.put(eui, role);
      if (role.isEmpty()) {
        LOG.warn(
            "pki-import: the User {} is filed but not registered: its certificates do not say"
                + " its DUIS role (give it one in the users setting, e.g. {}=GS)",
            eui,
            eui);
      } else if (!config.users().containsKey(eui) && !Simulator.DEFAULT_USERS.containsKey(eui)) {
        inferred.put(eui, role.get());
      }
    }
    // the users setting, given to the builder after this, wins over what was read here
    builder.users(inferred);
    LOG.info(
        "pki-import {}: {} certificates filed, {} keys, Users {}, DCC key {}",
        source,
        bundle.certificates().size(),
        bundle.credentials().size(),
        users.keySet(),
        dccImported ? "imported" : "kept");
    return new PkiImport(
        source,
        bundle.certificates().size(),
        bundle.credentials().size(),
        users,
        dccAfter,
        supplierAfter,
        dccImported);
  }

  /** The DUIS role the remote party roles of a User's certificates imply, if one does. */
  private static Optional<UserRole> roleOf(List<RemotePartyRole> roles) {
    if (roles == null) {
      return Optional.empty();
    }
    if (roles.contains(RemotePartyRole.SUPPLIER)) {
      return Optional.of(UserRole.IMPORT_SUPPLIER);
    }
    if (roles.contains(RemotePartyRole.NETWORK_OPERATOR)) {
      return Optional.of(UserRole.ELECTRICITY_DISTRIBUTOR);
    }
    if (roles.contains(RemotePartyRole.OTHER)) {
      return Optional.of(UserRole.OTHER_USER);
    }
    return Optional.empty();
  }

  private static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("pki-import: a certificate cannot be encoded", e);
    }
  }

  /** One line for the banner. */
  String describe() {
    return source.toAbsolutePath().normalize()
        + ": "
        + certificates
        + " certificates, "
        + keys
        + " keys; Users "
        + users.keySet()
        + (dccImported ? "; the DCC signs with the imported dspXmlSign key" : "");
  }
}
