package io.dccsim.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Damaged documents are either still readable or refused with a {@link DuisFormatException}: the
 * codec never fails with anything else, whatever element is removed, duplicated, renamed or given
 * other text.
 */
class DuisCodecRobustnessTest {
  private final DuisCodec codec = new DuisCodec();
  private final DuisCodecPropertiesTest shapes = new DuisCodecPropertiesTest();

  enum Damage {
    REMOVE,
    DUPLICATE,
    RETEXT,
    RENAME,
    MOVE_TO_END
  }

  @Provide
  Arbitrary<String> junkText() {
    return Arbitraries.oneOf(
        DuisCodecPropertiesTest.xmlText().ofMaxLength(40),
        Arbitraries.of("", " ", "0", "-1", "12.1", "5.3", "true", "I0", "North", "4G North"));
  }

  private static void damage(Document doc, int pick, Damage how, String text) {
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    Element e = (Element) all.item(pick % all.getLength());
    Element parent = e.getParentNode() instanceof Element p ? p : null;
    switch (how) {
      case REMOVE -> {
        if (parent != null) {
          parent.removeChild(e);
        }
      }
      case DUPLICATE -> {
        if (parent != null) {
          parent.insertBefore(e.cloneNode(true), e);
        }
      }
      case RETEXT -> e.setTextContent(text);
      case RENAME ->
          doc.renameNode(
              e, e.getNamespaceURI(), e.getPrefix() == null ? "Other" : e.getPrefix() + ":Other");
      case MOVE_TO_END -> {
        if (parent != null) {
          parent.appendChild(e);
        }
      }
    }
  }

  private static void readsOrRefuses(Runnable read) {
    try {
      read.run();
    } catch (DuisFormatException expected) {
      assertThat(expected.path()).startsWith("/");
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private void check(Document doc, int pick, Damage how, String text, Consumer<Document> read) {
    damage(doc, pick, how, text);
    readsOrRefuses(() -> read.accept(doc));
  }

  @Property(tries = 300)
  void damagedRequests(
      @ForAll("requests") ServiceRequest request,
      @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll Damage how,
      @ForAll("junkText") String text) {
    check(codec.writeRequest(request), pick, how, text, codec::readRequest);
  }

  @Property(tries = 300)
  void damagedFlatAnswers(
      @ForAll("flat") ServiceResponse response,
      @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll Damage how,
      @ForAll("junkText") String text) {
    check(codec.writeResponse(response), pick, how, text, codec::readResponse);
  }

  @Property(tries = 300)
  void damagedPerRegionAnswers(
      @ForAll("perRegion") ServiceResponse response,
      @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll Damage how,
      @ForAll("junkText") String text) {
    check(codec.writeResponse(response), pick, how, text, codec::readResponse);
  }

  @Provide
  Arbitrary<ServiceRequest> requests() {
    return shapes.requests();
  }

  @Provide
  Arbitrary<ServiceResponse> flat() {
    return shapes.flatResponses();
  }

  @Provide
  Arbitrary<ServiceResponse> perRegion() {
    return shapes.perRegionResponses();
  }
}
