package io.dccsim.core.gbcs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.gbcs.GbcsFormatException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GbcsReaderTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void berLengthsInTheirShortestForms() {
    int[] lengths = {0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x1234, 0xFFFF};
    String[] forms = {"00", "01", "7F", "8180", "81FF", "820100", "821234", "82FFFF"};
    for (int i = 0; i < lengths.length; i++) {
      byte[] encoded = new GbcsWriter(4).berLength(lengths[i]).toByteArray();
      assertThat(HEX.formatHex(encoded)).isEqualTo(forms[i]);
      byte[] withBody = new byte[encoded.length + lengths[i]];
      System.arraycopy(encoded, 0, withBody, 0, encoded.length);
      assertThat(GbcsReader.of(withBody).berLength("x")).isEqualTo(lengths[i]);
    }
    assertThatThrownBy(() -> new GbcsWriter(4).berLength(0x10000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GbcsWriter(4).berLength(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void berLengthRefusals() {
    refused("817F", "shortest form", 0);
    refused("8200FF", "shortest form", 0);
    refused("80", "not a BER length", 0);
    refused("830000FF", "not a BER length", 0);
    refused("05AABB", "more than the 2 bytes left", 0);
    refused("81", "needs 1 bytes, 0 left", 1);
    refused("8201", "needs 2 bytes, 1 left", 1);
  }

  @Test
  void windowsKeepOuterOffsetsAndStopAtTheirEnd() {
    GbcsReader r = GbcsReader.of(HEX.parseHex("AA0102BB"));
    r.u8("a");
    GbcsReader w = r.window(2, "w");
    assertThat(w.offset()).isEqualTo(1);
    assertThat(w.u16("x")).isEqualTo(0x0102);
    assertThatThrownBy(() -> w.u8("y"))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("at offset 3");
    assertThat(r.u8("b")).isEqualTo(0xBB);
    assertThat(r.atEnd()).isTrue();
    assertThatThrownBy(() -> r.window(1, "z")).isInstanceOf(GbcsFormatException.class);
  }

  private static void refused(String hex, String message, int offset) {
    assertThatThrownBy(() -> GbcsReader.of(HEX.parseHex(hex)).berLength("x"))
        .as(hex)
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((GbcsFormatException) e).offset()).isEqualTo(offset));
  }
}
