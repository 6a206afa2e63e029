package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GeneralSigningTest {
  /** A response's grouping header written out by hand, field by field. */
  private static final String HAND_WRITTEN =
      "DF09"
          + "02" // CRA: response
          + "0000017C3A2B1C0D" // originator counter
          + "08"
          + "0012345678ABCDEF" // originator
          + "08"
          + "90B3D51F30010000" // recipient
          + "0C"
          + "07E5061B070A1E0000000000" // 2021-06-27 (Sunday) 10:30:00
          + "12"
          + "0074"
          + "90B3D51F30010001"
          + "0000000000000042" // other information
          + "03"
          + "C0FFEE" // content
          + "00"; // no signature

  @Test
  void readsAHandWrittenApdu() {
    GeneralSigning g = GeneralSigning.decode(Octets.fromHex(HAND_WRITTEN).toByteArray());
    assertThat(g.cra()).isEqualTo(CraFlag.RESPONSE);
    assertThat(g.originatorCounter()).isEqualTo(0x0000_017C_3A2B_1C0DL);
    assertThat(g.originator()).isEqualTo(Eui64.parse("00-12-34-56-78-AB-CD-EF"));
    assertThat(g.recipient()).isEqualTo(Eui64.parse("90-B3-D5-1F-30-01-00-00"));
    assertThat(g.dateTime().orElseThrow().toInstant())
        .contains(java.time.Instant.parse("2021-06-27T10:30:00Z"));
    assertThat(g.messageCode()).isEqualTo(MessageCode.GCS13A);
    assertThat(g.otherInformation().supplementaryRemoteParty())
        .contains(new SupplementaryRemoteParty(Eui64.parse("90-B3-D5-1F-30-01-00-01"), 0x42));
    assertThat(g.content()).isEqualTo(Octets.fromHex("C0FFEE"));
    assertThat(g.signature()).isEmpty();
    assertThat(Octets.of(g.encode())).isEqualTo(Octets.fromHex(HAND_WRITTEN));
    assertThat(Octets.of(g.signedData()))
        .isEqualTo(Octets.fromHex(HAND_WRITTEN.substring(2, HAND_WRITTEN.length() - 2)));
  }

  @Test
  void aNullSignatureIsOneZeroByteAndASignatureIs40AndSixtyFourBytes() {
    GeneralSigning unsigned = GbcsSamples.signedPreCommand().withoutSignature();
    byte[] u = unsigned.encode();
    assertThat(u[u.length - 1]).isZero();
    GeneralSigning signed = unsigned.signedWith(GbcsSamples.USER_DS.getPrivate());
    byte[] s = signed.encode();
    assertThat(s).hasSize(u.length + 64);
    assertThat(s[u.length - 1] & 0xFF).isEqualTo(0x40);
    assertThat(Arrays.copyOf(s, u.length - 1)).isEqualTo(Arrays.copyOf(u, u.length - 1));
    assertThat(signed.signatureVerifies(GbcsSamples.USER_DS.getPublic())).isTrue();
    assertThat(signed.signatureVerifies(GbcsSamples.DEVICE_DS.getPublic())).isFalse();
    assertThat(unsigned.signatureVerifies(GbcsSamples.USER_DS.getPublic())).isFalse();
    assertThat(GeneralSigning.decode(s)).isEqualTo(signed);
  }

  @Test
  void aChangedFieldBreaksTheSignature() {
    GeneralSigning signed = GbcsSamples.signedPreCommand();
    byte[] bytes = signed.encode();
    for (int i : new int[] {2, 5, 13, 22, 31, 40, bytes.length - 66}) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x01;
      GeneralSigning read;
      try {
        read = GeneralSigning.decode(copy);
      } catch (GbcsFormatException e) {
        continue; // a flipped structural byte is refused outright
      }
      assertThat(read.signatureVerifies(GbcsSamples.USER_DS.getPublic())).as("byte " + i).isFalse();
    }
  }

  @Test
  void everyOtherInformationFormRoundTrips() {
    for (OtherInformation other :
        new OtherInformation[] {
          OtherInformation.of(MessageCode.ECS52),
          OtherInformation.of(
              MessageCode.ECS17B, new SupplementaryRemoteParty(GbcsSamples.USER, -1L)),
          new OtherInformation(MessageCode.GCS38, Optional.empty(), OptionalLong.of(1234))
        }) {
      GeneralSigning g = GbcsSamples.response(MessageCode.ECS52, 1).otherInformation(other).build();
      assertThat(GeneralSigning.decode(g.encode())).isEqualTo(g);
    }
    assertThatThrownBy(
            () ->
                new OtherInformation(
                    MessageCode.ECS52,
                    Optional.of(new SupplementaryRemoteParty(GbcsSamples.USER, 1)),
                    OptionalLong.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBuilderNeedsTheHeaderFields() {
    assertThatThrownBy(() -> GeneralSigning.builder().cra(CraFlag.ALERT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("originator counter");
  }

  @Test
  void malformedHeadersAreRefusedWithTheOffset() {
    refused(HAND_WRITTEN.replaceFirst("^DF09", "DF0A"), "General-Signing tag", 1);
    refused(HAND_WRITTEN.replaceFirst("^DF0902", "DF0904"), "CRA flag", 2);
    refused(HAND_WRITTEN.replace("080012345678ABCDEF", "070012345678ABCDEF"), "title length", 11);
    refused(
        HAND_WRITTEN.replace("0C07E5061B070A1E0000000000", "0507E5061B07"),
        "date-time of 5 bytes",
        29);
    refused(HAND_WRITTEN.replace("120074", "030074"), "other information of 3 bytes", 42);
    refused(HAND_WRITTEN.substring(0, HAND_WRITTEN.length() - 2) + "20", "signature length", 65);
    refused(HAND_WRITTEN + "00", "left over", 66);
    refused(HAND_WRITTEN.replace("03C0FFEE", "05C0FFEE"), "content length 5", 61);
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] whole = GbcsSamples.signedPreCommand().encode();
    for (int n = 0; n < whole.length; n++) {
      byte[] cut = Arrays.copyOf(whole, n);
      assertThatThrownBy(() -> GeneralSigning.decode(cut))
          .as("cut to " + n)
          .isInstanceOf(GbcsFormatException.class);
    }
  }

  private static void refused(String hex, String message, int offset) {
    assertThatThrownBy(() -> GeneralSigning.decode(Octets.fromHex(hex).toByteArray()))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((GbcsFormatException) e).offset()).isEqualTo(offset));
  }
}
