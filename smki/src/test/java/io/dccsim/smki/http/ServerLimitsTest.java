package io.dccsim.smki.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {

  @Test
  void connectionsBeyondTheLimitAreClosed() throws Exception {
    try (InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
        SmkiRepositoryServer server =
            SmkiRepositoryServer.builder(repo).port(0).maxConnections(1).start();
        Socket first = new Socket("127.0.0.1", server.port());
        Socket second = new Socket("127.0.0.1", server.port())) {
      second.setSoTimeout(5000);
      assertThat(second.getInputStream().read()).as("closed on arrival").isEqualTo(-1);
      first.setSoTimeout(5000);
      assertThat(request(first, "GET /services/crl HTTP/1.1\r\nHost: x\r\n\r\n"))
          .startsWith("HTTP/1.1 404");
    }
  }

  @Test
  void malformedRequestLineIsAnsweredNotLogged() throws Exception {
    try (InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
        SmkiRepositoryServer server = SmkiRepositoryServer.builder(repo).port(0).start();
        Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      String answer = request(s, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 4");
    }
  }

  private static String request(Socket s, String text) throws Exception {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[256];
    int n = in.read(buf);
    return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
  }
}
