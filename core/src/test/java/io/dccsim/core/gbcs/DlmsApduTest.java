package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DlmsApduTest {

  @Test
  void eachDataTypeHasItsTagAndWidth() {
    Object[][] cases = {
      {new DlmsData.NullData(), "00"},
      {new DlmsData.Bool(true), "03FF"},
      {new DlmsData.Bool(false), "0300"},
      {new DlmsData.Int32(-2), "05FFFFFFFE"},
      {new DlmsData.UInt32(0xFFFF_FFFFL), "06FFFFFFFF"},
      {DlmsData.OctetString.of((byte) 1, (byte) 2), "09020102"},
      {new DlmsData.VisibleString("V1.2"), "0A0456312E32"},
      {new DlmsData.Int8(-1), "0FFF"},
      {new DlmsData.Int16(-300), "10FED4"},
      {new DlmsData.UInt8(200), "11C8"},
      {new DlmsData.UInt16(0x8F66), "128F66"},
      {new DlmsData.Int64(-1L), "14FFFFFFFFFFFFFFFF"},
      {new DlmsData.UInt64(0x8000_0000_0000_0001L), "158000000000000001"},
      {new DlmsData.Enumerated(3), "1603"},
      {
        new DlmsData.DateTime(DlmsDateTime.of(Instant.parse("2021-06-24T00:00:00Z"))),
        "1907E506180400000000000000"
      },
      {new DlmsData.Array(List.of(new DlmsData.UInt8(1), new DlmsData.UInt8(2))), "010211011102"},
      {DlmsData.Structure.of(new DlmsData.NullData(), new DlmsData.Bool(true)), "02020003FF"},
    };
    for (Object[] c : cases) {
      DlmsData d = (DlmsData) c[0];
      assertThat(Octets.of(d.encode())).as(d.toString()).isEqualTo(Octets.fromHex((String) c[1]));
      assertThat(DlmsData.decode(d.encode())).isEqualTo(d);
    }
  }

  @Test
  void longOctetStringsUseLongLengths() {
    byte[] b = new byte[300];
    DlmsData.OctetString s = new DlmsData.OctetString(Octets.of(b));
    byte[] e = s.encode();
    assertThat(Octets.of(java.util.Arrays.copyOf(e, 4))).isEqualTo(Octets.fromHex("0982012C"));
    assertThat(DlmsData.decode(e)).isEqualTo(s);
  }

  @Test
  void anyNonZeroBooleanOctetIsTrue() {
    for (String hex : List.of("0301", "0302", "03FF")) {
      assertThat(DlmsData.decode(Octets.fromHex(hex).toByteArray()))
          .as(hex)
          .isEqualTo(new DlmsData.Bool(true));
    }
    assertThat(DlmsData.decode(Octets.fromHex("0300").toByteArray()))
        .isEqualTo(new DlmsData.Bool(false));
  }

  @Test
  void dataRefusals() {
    refused("03", "needs 1 bytes");
    refused("0A0100", "not printable ASCII");
    refused("07", "tag 07");
    refused("0903AABB", "more than the 2 bytes left");
    refused("098103AABBCC", "shortest form");
    refused("0983000001AA", "not a BER length");
    refused("0000", "left over");
    String deep = "0101".repeat(DlmsData.MAX_DEPTH + 1) + "00";
    refused(deep, "nested deeper");
    String deepest = "0101".repeat(DlmsData.MAX_DEPTH) + "00";
    assertThat(DlmsData.decode(Octets.fromHex(deepest).toByteArray())).isNotNull();
    assertThatThrownBy(() -> new DlmsData.VisibleString("é"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DlmsData.UInt32(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accessResponseHandWritten() {
    String hex =
        "DA"
            + "00000001"
            + "00" // no date-time
            + "00" // no echoed request
            + "02"
            + "0600BC614E"
            + "06000010E1" // two registers
            + "02"
            + "0100"
            + "0100"; // two successful gets
    AccessResponse r = (AccessResponse) DlmsApdu.decode(Octets.fromHex(hex));
    assertThat(r)
        .isEqualTo(
            AccessResponse.ofGets(
                1, List.of(new DlmsData.UInt32(12_345_678), new DlmsData.UInt32(4321))));
    assertThat(Octets.of(r.encode())).isEqualTo(Octets.fromHex(hex));
  }

  @Test
  void everyApduRoundTrips() {
    DlmsDateTime t = DlmsDateTime.of(Instant.parse("2021-06-28T12:00:00Z"));
    List<AccessRequestSpecification> specs =
        List.of(
            AccessRequestSpecification.of(
                AccessRequestSpecification.Kind.GET,
                new CosemDescriptor(3, Octets.fromHex("0100010800FF"), 2)),
            AccessRequestSpecification.of(
                AccessRequestSpecification.Kind.SET,
                new CosemDescriptor(8, Octets.fromHex("0000010000FF"), 2)),
            new AccessRequestSpecification(
                AccessRequestSpecification.Kind.SET_WITH_SELECTION,
                new CosemDescriptor(7, Octets.fromHex("0100630100FF"), 2),
                Optional.of(new AccessRequestSpecification.Selection(1, new DlmsData.NullData()))));
    List<DlmsApdu> apdus = new ArrayList<>();
    apdus.add(
        new AccessRequest(
            0xFFFF_FFFFL,
            Optional.of(t),
            specs,
            List.of(new DlmsData.NullData(), new DlmsData.DateTime(t), new DlmsData.UInt8(1))));
    apdus.add(
        new AccessResponse(
            2,
            Optional.of(t),
            Optional.of(specs),
            List.of(new DlmsData.NullData()),
            List.of(
                AccessResult.getSuccess(),
                new AccessResult(AccessResult.Kind.SET, 3),
                new AccessResult(AccessResult.Kind.ACTION, 0))));
    apdus.add(new DataNotification(0, Optional.empty(), new DlmsData.UInt16(0x8183)));
    for (DlmsApdu a : apdus) {
      assertThat(DlmsApdu.decode(a.encode())).isEqualTo(a);
    }
  }

  @Test
  void apduRefusals() {
    assertThatThrownBy(() -> DlmsApdu.decode(new byte[] {(byte) 0xDB}))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("DLMS APDU tag DB");
    assertThatThrownBy(() -> DlmsApdu.decode(Octets.fromHex("DA0000000100020000")))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("presence 02");
    assertThatThrownBy(() -> DlmsApdu.decode(Octets.fromHex("DA00000001000000010400")))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("access-response-specification 04");
    assertThatThrownBy(() -> DlmsApdu.decode(Octets.fromHex("D9000000010001060000")))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("access-request-specification 06");
    assertThatThrownBy(() -> DlmsApdu.decode(Octets.fromHex("0F00000000000000")))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("left over");
    byte[] whole = GbcsSamples.signedPreCommand().content().toByteArray();
    for (int n = 0; n < whole.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(whole, n);
      assertThatThrownBy(() -> DlmsApdu.decode(cut)).isInstanceOf(GbcsFormatException.class);
    }
  }

  private static void refused(String hex, String message) {
    assertThatThrownBy(() -> DlmsData.decode(Octets.fromHex(hex).toByteArray()))
        .as(hex)
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining(message);
  }
}
