package io.dccsim.smki.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.smki.crl.RevocationLists;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevocationListSourceTest {

  @Test
  void servesTheCurrentListsOfTheRevocationAuthority() throws Exception {
    AtomicInteger crlNumber = new AtomicInteger(1);
    RevocationLists lists =
        new RevocationLists() {
          @Override
          public byte[] currentCrlDer() {
            return new byte[] {0x30, 0x01, (byte) crlNumber.get()};
          }

          @Override
          public byte[] currentArlDer() {
            return new byte[] {0x30, 0x00};
          }
        };
    try (InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
        SmkiRepositoryServer server =
            SmkiRepositoryServer.builder(repo).port(0).revocationLists(lists).start()) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest crl = HttpRequest.newBuilder(server.baseUri().resolve("/services/crl")).build();
      assertThat(http.send(crl, HttpResponse.BodyHandlers.ofByteArray()).body())
          .containsExactly(0x30, 0x01, 0x01);
      crlNumber.set(2);
      assertThat(http.send(crl, HttpResponse.BodyHandlers.ofByteArray()).body())
          .as("each download gets the list in force now")
          .containsExactly(0x30, 0x01, 0x02);
      HttpResponse<byte[]> arl =
          http.send(
              HttpRequest.newBuilder(server.baseUri().resolve("/services/arl")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(arl.statusCode()).isEqualTo(200);
      assertThat(arl.body()).containsExactly(0x30, 0x00);
    }
  }
}
