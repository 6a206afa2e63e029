package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ResponseCodeTest {
  @Test
  void knowsTheCommonCodes() {
    for (String c :
        new String[] {
          "I0", "I99", "E1", "E2", "E3", "E4", "E5", "E11", "E12", "E13", "E17", "E19", "E20",
          "E21", "E50", "E51", "E52", "E120101", "E120102", "E120103"
        }) {
      ResponseCode code = ResponseCode.parse(c);
      assertThat(code.code()).isEqualTo(c);
      assertThat(code.meaning()).as(c).isPresent();
    }
    assertThat(ResponseCode.known()).hasSize(20 + 28);
    assertThat(ResponseCode.parse("I0")).isSameAs(ResponseCode.I0);
    assertThat(ResponseCode.I0.isSuccess()).isTrue();
    assertThat(ResponseCode.I99.isSuccess()).isFalse();
    assertThat(ResponseCode.I99.severity()).isEqualTo(ResponseCode.Severity.INFORMATION);
    assertThat(ResponseCode.E2.isError()).isTrue();
    assertThat(ResponseCode.E120102.meaning()).hasValue("Postcode invalid");
  }

  @Test
  void srSpecificCodesNameTheirServiceReference() {
    assertThat(ResponseCode.E120101.serviceReference())
        .hasValue(ServiceReference.REQUEST_WAN_MATRIX);
    ResponseCode w = ResponseCode.parse("W061501");
    assertThat(w.severity()).isEqualTo(ResponseCode.Severity.WARNING);
    assertThat(w.meaning()).isEmpty();
    assertThat(w.serviceReference()).hasValue(new ServiceReference(6, 15));
    assertThat(ResponseCode.E12.serviceReference()).isEmpty();
    assertThat(w).isEqualTo(ResponseCode.parse("W061501")).hasToString("W061501");
  }

  @Test
  void rejectsJunk() {
    for (String s :
        new String[] {
          "",
          "I",
          "E",
          "X1",
          "e1",
          "E01",
          "E1234",
          "E12345",
          "I120101",
          "E1201011",
          "E000101",
          "E120001",
          "E 1",
          "E1a",
          "I-1"
        }) {
      assertThatThrownBy(() -> ResponseCode.parse(s))
          .as(s)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void specificCodesRoundTrip(
      @ForAll @IntRange(min = 1, max = 99) int xx,
      @ForAll @IntRange(min = 1, max = 99) int yy,
      @ForAll @IntRange(min = 0, max = 99) int zz,
      @ForAll boolean error) {
    String text = String.format("%s%02d%02d%02d", error ? "E" : "W", xx, yy, zz);
    ResponseCode c = ResponseCode.parse(text);
    assertThat(c.code()).isEqualTo(text);
    assertThat(c.serviceReference()).hasValue(new ServiceReference(xx, yy));
    assertThat(c.isError()).isEqualTo(error);
  }

  @Property
  void commonCodesRoundTrip(@ForAll @IntRange(min = 0, max = 999) int n) {
    for (String letter : new String[] {"I", "W", "E"}) {
      assertThat(ResponseCode.parse(letter + n).toString()).isEqualTo(letter + n);
    }
  }

  @Property
  void lettersOtherThanIweNeverParse(@ForAll @StringLength(min = 1, max = 8) String s) {
    char c = s.charAt(0);
    if (c != 'I' && c != 'W' && c != 'E') {
      assertThatThrownBy(() -> ResponseCode.parse(s)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
