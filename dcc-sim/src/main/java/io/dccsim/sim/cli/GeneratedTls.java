package io.dccsim.sim.cli;

import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TransportPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The TLS material the standalone simulator makes for itself ({@code tls-generate=true}): the
 * transport CA ({@link TransportPki}, created once in the PKI directory and loaded afterwards), a
 * server certificate for the names the server answers to, and a client certificate for the test
 * supplier. A certificate from an earlier start is kept while the same CA signed it, it carries the
 * names needed and stays valid for at least {@link #RENEW_BEFORE}; otherwise a new one replaces it.
 * Certificates are issued by the system clock, never the simulated one: TLS peers check them
 * against real time.
 *
 * @param ca the transport CA's certificate, what clients trust
 * @param server the server's credential (chain: the CA)
 * @param supplier the test supplier's client credential (chain: the CA)
 * @param dccClient the DCC's own client credential, presented when it delivers responses and alerts
 *     to Users' https receiving endpoints (chain: the CA)
 */
record GeneratedTls(
    java.security.cert.X509Certificate ca,
    Credential server,
    Credential supplier,
    Credential dccClient) {

  /** A kept certificate closer than this to its notAfter is replaced. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  /**
   * Loads or makes the material in {@code pkiDir} for a server listening on {@code host} and also
   * known by {@code extraNames}.
   */
  static GeneratedTls prepare(
      Path pkiDir, String host, List<String> extraNames, String supplierName, Clock clock) {
    TransportPki pki = TransportPki.loadOrCreate(pkiDir, clock);
    List<String> names = serverNames(host, extraNames);
    Credential server =
        kept(
            pkiDir.resolve(StandaloneSimulator.TLS_SERVER_CERT),
            pkiDir.resolve(StandaloneSimulator.TLS_SERVER_KEY),
            c ->
                pki.stillValid(c.certificate(), RENEW_BEFORE)
                    && TransportPki.names(c.certificate(), names),
            () -> pki.serverCredential(names));
    Credential supplier =
        kept(
            pkiDir.resolve(StandaloneSimulator.SUPPLIER_TLS_CERT),
            pkiDir.resolve(StandaloneSimulator.SUPPLIER_TLS_KEY),
            c -> pki.stillValid(c.certificate(), RENEW_BEFORE),
            () -> pki.clientCredential(supplierName));
    Credential dccClient =
        kept(
            pkiDir.resolve(StandaloneSimulator.DCC_TLS_CERT),
            pkiDir.resolve(StandaloneSimulator.DCC_TLS_KEY),
            c -> pki.stillValid(c.certificate(), RENEW_BEFORE),
            () -> pki.clientCredential("dccsim DCC"));
    return new GeneratedTls(pki.ca().certificate(), server, supplier, dccClient);
  }

  /**
   * The names a server certificate carries: {@code localhost}, {@code 127.0.0.1}, {@code ::1} and
   * the listening host when it is another name or address (not a wildcard such as {@code 0.0.0.0}),
   * then each of {@code extraNames} (for a server on a wildcard address, the names clients use).
   */
  static List<String> serverNames(String host, List<String> extraNames) {
    List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
    List<String> wanted = new ArrayList<>();
    wanted.add(host);
    wanted.addAll(extraNames);
    for (String name : wanted) {
      String h = name.strip();
      if (h.startsWith("[") && h.endsWith("]")) {
        h = h.substring(1, h.length() - 1);
      }
      boolean wildcard = h.isEmpty() || h.equals("0.0.0.0") || h.equals("::");
      if (!wildcard && !containsName(names, h)) {
        names.add(TransportPki.isAddress(h) ? h : h.toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(names);
  }

  private static boolean containsName(List<String> names, String name) {
    return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
  }

  private static Credential kept(
      Path certFile, Path keyFile, Predicate<Credential> usable, Supplier<Credential> issue) {
    if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
      try {
        Credential c = CredentialLoader.load(certFile, keyFile);
        if (usable.test(c)) {
          return c;
        }
      } catch (IllegalArgumentException unreadable) {
        // Replaced below, as a certificate that no longer fits would be.
      }
    }
    Credential c = issue.get();
    PemMaterial.write(c, certFile, keyFile);
    return c;
  }
}
