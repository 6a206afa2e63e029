package io.dccsim.core.signature;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which implementation does the ECDSA P-256 work of DUIS signatures in this JVM: AWS-LC through the
 * Amazon Corretto Crypto Provider (ACCP) where its native library loads, Bouncy Castle elsewhere.
 * Neither is ever installed in the JVM-wide provider list. The choice is made once, at the first
 * signature or verification: by {@link #select(Choice)} called before that, else by the system
 * property {@value #PROPERTY} ({@code auto}, {@code accp} or {@code bc}), else {@code auto}.
 *
 * <p>Bouncy Castle stays the provider of the PKI (certificates, CRLs); this is only the signing and
 * verifying of DUIS documents, where ACCP is about five times faster on signing and twice on
 * verifying (see the benchmarks).
 */
public final class EcdsaProvider {

  /** The system property naming the choice. */
  public static final String PROPERTY = "dccsim.crypto-provider";

  /** What may be asked for. */
  public enum Choice {
    /** ACCP where it loads, else Bouncy Castle. */
    AUTO,
    /** ACCP, failing where it does not load. */
    ACCP,
    /** Bouncy Castle. */
    BC;

    /**
     * Reads {@code auto}, {@code accp} or {@code bc} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Choice parse(String text) {
      String s = Objects.requireNonNull(text, "text").strip().toUpperCase(Locale.ROOT);
      for (Choice c : values()) {
        if (c.name().equals(s)) {
          return c;
        }
      }
      throw new IllegalArgumentException(
          "Not a crypto provider: '" + text + "' (expected auto, accp or bc)");
    }
  }

  /** The provider doing the work and the name of its raw r||s ECDSA-SHA256 signature. */
  record Engine(String name, String description, Provider provider, String algorithm) {}

  private static Choice requested;
  private static Engine engine;

  private EcdsaProvider() {}

  /**
   * Asks for {@code choice}; to take effect it must come before the first signature or verification
   * in this JVM.
   *
   * @throws IllegalStateException when another provider is already in use, or ACCP is asked for and
   *     does not load here
   */
  public static synchronized void select(Choice choice) {
    Objects.requireNonNull(choice, "choice");
    if (engine != null) {
      if (!satisfies(engine, choice)) {
        throw new IllegalStateException(
            "ECDSA already runs on " + engine.name() + "; '" + choice + "' comes too late");
      }
      return;
    }
    requested = choice;
    engine();
  }

  /** {@code accp} or {@code bc}: the provider in use (choosing it now if not chosen yet). */
  public static String inUse() {
    return engine().name();
  }

  /**
   * The provider in use and its version, e.g. {@code AWS-LC v1.47.0 (Amazon Corretto Crypto
   * Provider 2.5.0)}.
   */
  public static String description() {
    return engine().description();
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts loading ACCP (its native library and self-tests take a few hundred milliseconds) on a
   * background thread, once per JVM, so that a start doing other work meanwhile (generating keys,
   * binding ports) does not wait for it. It chooses nothing: {@link #select} still may.
   */
  public static void warmUpInBackground() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(EcdsaProvider::accpUnavailable, "dccsim-crypto-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Why ACCP does not load on this platform, if it does not. */
  public static Optional<String> accpUnavailable() {
    try {
      return Accp.error();
    } catch (LinkageError e) {
      // Its classes are not on the class path: checking them fails before the probe runs.
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  static synchronized Engine engine() {
    if (engine == null) {
      Choice c = requested;
      if (c == null) {
        String p = System.getProperty(PROPERTY);
        c = p == null || p.isBlank() ? Choice.AUTO : Choice.parse(p);
      }
      engine = resolve(c);
    }
    return engine;
  }

  private static boolean satisfies(Engine e, Choice c) {
    return c == Choice.AUTO
        ? e.name().equals(accpUnavailable().isEmpty() ? "accp" : "bc")
        : e.name().equals(c.name().toLowerCase(Locale.ROOT));
  }

  private static Engine resolve(Choice c) {
    if (c != Choice.BC) {
      Optional<String> error = accpUnavailable();
      if (error.isEmpty()) {
        return Accp.engine();
      }
      if (c == Choice.ACCP) {
        throw new IllegalStateException(
            "crypto provider 'accp' asked for, but ACCP does not load here: " + error.get());
      }
    }
    Provider bc = new BouncyCastleProvider();
    return new Engine("bc", "Bouncy Castle " + bc.getVersionStr(), bc, "SHA256withPLAIN-ECDSA");
  }

  /** ACCP, touched only here so that a platform without it never loads its classes twice. */
  private static final class Accp {
    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final Optional<String> ERROR = probe();

    static Optional<String> error() {
      return ERROR;
    }

    static Engine engine() {
      com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider p =
          com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
      return new Engine(
          "accp",
          p.getAwsLcVersionStr() + " (Amazon Corretto Crypto Provider " + p.getVersionStr() + ")",
          p,
          ALGORITHM);
    }

    private static Optional<String> probe() {
      try {
        com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider p =
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loading = p.getLoadingError();
        if (loading != null) {
          return Optional.of(String.valueOf(loading.getMessage()));
        }
        p.assertHealthy();
        Signature.getInstance(ALGORITHM, p);
        return Optional.empty();
      } catch (LinkageError | RuntimeException | GeneralSecurityException e) {
        // Not on the class path, no native library for this platform, or a failed self-test.
        return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
