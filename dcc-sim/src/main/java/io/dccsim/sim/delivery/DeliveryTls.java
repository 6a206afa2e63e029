package io.dccsim.sim.delivery;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for delivery to {@code https} receiving URLs: the client certificate the simulator presents,
 * and the certificates a receiver's certificate must chain to.
 *
 * @param clientChain the client certificate first, then its issuers; empty to present none
 * @param clientKey the client certificate's key, when there is one
 * @param trusted the issuers a receiver's certificate must chain to; empty for the JDK's default
 *     trust store
 */
public record DeliveryTls(
    List<X509Certificate> clientChain,
    Optional<PrivateKey> clientKey,
    List<X509Certificate> trusted) {

  /** Validates and copies. */
  public DeliveryTls {
    clientChain = List.copyOf(clientChain);
    Objects.requireNonNull(clientKey, "clientKey");
    trusted = List.copyOf(trusted);
    if (clientChain.isEmpty() != clientKey.isEmpty()) {
      throw new IllegalArgumentException("A client certificate and its key go together");
    }
  }

  /** Presents this client certificate and trusts {@code trusted} (the JDK's when empty). */
  public static DeliveryTls of(
      List<X509Certificate> clientChain, PrivateKey clientKey, List<X509Certificate> trusted) {
    return new DeliveryTls(clientChain, Optional.of(clientKey), trusted);
  }

  /** No client certificate, the JDK's default trust store. */
  public static DeliveryTls none() {
    return new DeliveryTls(List.of(), Optional.empty(), List.of());
  }

  /** These settings as a JDK context for {@link java.net.http.HttpClient}. */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory kmf = null;
      char[] password = new char[0];
      if (clientKey.isPresent()) {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
            "client", clientKey.get(), password, clientChain.toArray(new X509Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (trusted.isEmpty()) {
        tmf.init((KeyStore) null);
      } else {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        for (int i = 0; i < trusted.size(); i++) {
          roots.setCertificateEntry("trusted-" + i, trusted.get(i));
        }
        tmf.init(roots);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("The delivery TLS settings are not usable: " + e, e);
    }
  }

  @Override
  public String toString() {
    // Never print the key.
    return "DeliveryTls[client="
        + (clientChain.isEmpty() ? "none" : clientChain.get(0).getSubjectX500Principal())
        + ", trusted="
        + trusted.size()
        + "]";
  }
}
