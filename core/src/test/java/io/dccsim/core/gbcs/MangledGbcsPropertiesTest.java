package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.xml.Mangling;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * A valid GBCS message of each form, damaged in one way (a byte changed, cut short, a stretch
 * deleted or repeated, bytes inserted): the codec either refuses it with a {@link
 * GbcsFormatException} or reads it as exactly those bytes (re-encoding gives them back), and then a
 * MAC or signature that covered other bytes no longer verifies. Nothing else escapes: no
 * index-out-of-bounds, no other exception.
 */
class MangledGbcsPropertiesTest {
  /** Bytes worth inserting: lengths and tags of this codec's forms (UTF-8 of each string). */
  private static final List<String> FRAGMENTS =
      List.of(
          "\u0000",
          "\u0001",
          "\u0002",
          "\u0008",
          "\u000C",
          "\u0012",
          "\u0040",
          "\u007F",
          "\u0000\u0000\u0000\u0000",
          "\u0009\u0001",
          "\u00DD", // C3 9D
          "\uFFFF"); // EF BF BF

  private static final List<byte[]> SAMPLES = GbcsSamples.all();

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(FRAGMENTS, 80);
  }

  @Provide
  Arbitrary<Integer> samples() {
    return Arbitraries.integers().between(0, SAMPLES.size() - 1);
  }

  @Property(tries = 600)
  @StatisticsReport(onFailureOnly = true)
  void aMangledMessageIsReadExactlyOrRefused(
      @ForAll("samples") int sample, @ForAll("manglings") Mangling m) {
    // Both outcomes must occur often enough for the property to test each.
    Statistics.coverage(
        c -> {
          c.check("read").percentage(p -> p >= 3);
          c.check("refused").percentage(p -> p >= 30);
        });
    byte[] original = SAMPLES.get(sample);
    byte[] mangled = m.apply(original);
    GbcsMessage read;
    try {
      read = GbcsMessage.decode(mangled);
    } catch (GbcsFormatException e) {
      Statistics.collect("refused");
      assertThat(e.getMessage()).contains("at offset");
      return;
    }
    Statistics.collect("read");
    assertThat(read.encode()).isEqualTo(mangled);
    boolean same = Arrays.equals(mangled, original);
    GeneralSigning apdu = read.generalSigning();
    if (read instanceof GeneralCiphering frame) {
      assertThat(frame.macVerifies(KeyDerivation.macKey(GbcsSamples.deviceZ(), apdu)))
          .as("the MAC of changed bytes")
          .isEqualTo(same);
    } else if (apdu.signature().isPresent() && !same) {
      assertThat(apdu.signatureVerifies(GbcsSamples.USER_DS.getPublic())).isFalse();
    }
    try {
      readContent(apdu);
    } catch (GbcsFormatException e) {
      assertThat(same).as("the original content reads").isFalse();
    }
  }

  @Property(tries = 600)
  void mangledContentIsReadExactlyOrRefused(
      @ForAll("samples") int sample, @ForAll("manglings") Mangling m) {
    GeneralSigning apdu = GbcsMessage.decode(SAMPLES.get(sample)).generalSigning();
    byte[] mangled = m.apply(apdu.content().toByteArray());
    try {
      readContent(apdu.withContent(mangled));
    } catch (GbcsFormatException e) {
      assertThat(e.getMessage()).contains("at offset");
    }
  }

  @Property(tries = 300)
  void mangledEncryptedDataIsRefusedOrFailsItsTag(@ForAll("manglings") Mangling m) {
    GeneralSigning apdu = GbcsSamples.electricityRegisters().generalSigning();
    AccessResponse response = (AccessResponse) DlmsApdu.decode(apdu.content());
    byte[] original = ((DlmsData.OctetString) response.data().get(0)).value().toByteArray();
    byte[] mangled = m.apply(original);
    DerivedKey key = KeyDerivation.encryptionKey(GbcsSamples.deviceZ(), apdu);
    EncryptedData data;
    try {
      data = EncryptedData.decode(mangled);
    } catch (GbcsFormatException e) {
      return;
    }
    assertThat(data.encode()).isEqualTo(mangled);
    try {
      data.decrypt(key, apdu.originator());
      assertThat(mangled).isEqualTo(original);
    } catch (GbcsAuthenticationException e) {
      assertThat(mangled).isNotEqualTo(original);
    }
  }

  /** Reads the content by its first byte, as DLMS or GBZ; what is read re-encodes exactly. */
  private static void readContent(GeneralSigning apdu) {
    byte[] content = apdu.content().toByteArray();
    if (content.length > 0 && content[0] == 0x01) {
      GbzPayload gbz = GbzPayload.decode(apdu);
      assertThat(gbz.encode()).isEqualTo(content);
      for (GbzComponent c : gbz.components()) {
        if (c.isEncrypted()) {
          assertThat(c.encryptedData().encode()).isEqualTo(c.payload().toByteArray());
        }
      }
    } else {
      assertThat(DlmsApdu.decode(content).encode()).isEqualTo(content);
    }
  }
}
