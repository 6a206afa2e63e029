package io.dccsim.smki.http;

import io.dccsim.smki.crl.RevocationLists;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the repository's HTTP interface gets the revocation lists it serves. The PKI implements it;
 * each call returns the current list's DER encoding.
 */
public interface RevocationListSource {

  /** The Organisation CA's current CRL (DER), if one has been issued. */
  Optional<byte[]> crl();

  /** The Root's current ARL (DER), if one has been issued. */
  Optional<byte[]> arl();

  /** The lists of the PKI's {@link RevocationLists} (asked for on every download). */
  static RevocationListSource from(RevocationLists lists) {
    Objects.requireNonNull(lists, "lists");
    return new RevocationListSource() {
      @Override
      public Optional<byte[]> crl() {
        return Optional.ofNullable(lists.currentCrlDer());
      }

      @Override
      public Optional<byte[]> arl() {
        return Optional.ofNullable(lists.currentArlDer());
      }
    };
  }

  /** A source with no lists (the download paths answer 404). */
  static RevocationListSource none() {
    return new RevocationListSource() {
      @Override
      public Optional<byte[]> crl() {
        return Optional.empty();
      }

      @Override
      public Optional<byte[]> arl() {
        return Optional.empty();
      }
    };
  }
}
