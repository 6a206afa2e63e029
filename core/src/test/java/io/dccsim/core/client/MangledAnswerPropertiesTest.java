package io.dccsim.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.xml.Mangling;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The DCC's signed answer, mangled in one way on its way back: the client either reads it (and then
 * it is the answer the DCC signed) or throws one of its documented {@link DuisClientException}s,
 * never anything else.
 */
class MangledAnswerPropertiesTest {

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(Mangling.XML_FRAGMENTS, 200);
  }

  private static DuisClient client(DuisTransport transport) {
    return DuisClient.builder()
        .user(DuisClientTest.USER, DuisClientTest.USER_KEY)
        .dcc(DuisClientTest.DCC, DuisClientTest.DCC_KEY.certificate())
        .clock(Clock.fixed(DuisClientTest.NOW, ZoneOffset.UTC))
        .transport(transport)
        .build();
  }

  private static final PartialAddress ADDRESS = new PartialAddress("M22 0RR", "Threapwood Road");

  /** What the client reads from the DCC's answer when nothing is mangled. */
  private static final List<WanMatrixEntry> AS_SIGNED =
      client(
              (path, body) -> {
                DuisClientTest.Answer a = DuisClientTest.answerAsTheDcc(body);
                return new TransportResponse(a.status(), a.body());
              })
          .requestWanMatrix(ADDRESS)
          .entries();

  @Property(tries = 400)
  void aMangledAnswerIsReadAsSignedOrRefused(@ForAll("manglings") Mangling m) {
    DuisClient client =
        client(
            (path, body) -> {
              DuisClientTest.Answer a = DuisClientTest.answerAsTheDcc(body);
              return new TransportResponse(a.status(), m.apply(a.body()));
            });
    WanMatrixResult result;
    try {
      result = client.requestWanMatrix(ADDRESS);
    } catch (DuisClientException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    // Read, so what the DCC signed came through: the answer to this request, as the DCC gave it.
    assertThat(result.responseCode()).isEqualTo(ResponseCode.I0);
    assertThat(result.response().header().requestId())
        .contains(result.request().header().requestId());
    assertThat(result.entries()).isEqualTo(AS_SIGNED).hasSize(1);
  }
}
