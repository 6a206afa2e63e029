package io.dccsim.sim.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-commands held: bounded, forgotten after their lifetime, used once; their signature. */
class PreCommandsTest {
  private static final Instant T = Instant.parse("2021-07-01T09:00:00Z");
  private static final Eui64 USER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  private static final Eui64 DEVICE = Eui64.parse("00-DB-12-34-56-78-90-A0");

  private static RequestId id(long counter) {
    return new RequestId(USER, DEVICE, counter);
  }

  @Test
  void theOldestGoBeyondTheBoundAndEachAfterItsLifetime() {
    PreCommands held = new PreCommands(2, Duration.ofDays(1));
    held.remember(id(1), new byte[] {1}, T);
    held.remember(id(2), new byte[] {2}, T.plusSeconds(1));
    held.remember(id(3), new byte[] {3}, T.plusSeconds(2));
    assertThat(held.size()).isEqualTo(2);
    assertThat(held.find(id(1), T.plusSeconds(2))).isEmpty();
    assertThat(held.find(id(2), T.plusSeconds(2)))
        .hasValueSatisfying(b -> assertThat(b).containsExactly(2));
    // a day after it was given, each is forgotten
    assertThat(held.find(id(2), T.plusSeconds(1).plus(Duration.ofDays(1)))).isEmpty();
    assertThat(held.find(id(3), T.plusSeconds(1).plus(Duration.ofDays(1)))).isPresent();
    assertThat(held.use(id(3), T.plusSeconds(3))).isTrue();
    assertThat(held.use(id(3), T.plusSeconds(3))).isFalse();
    assertThat(held.size()).isZero();
  }

  @Test
  void aSignedPreCommandIsTheSameCommandAndVerifiesWithItsKeyOnly() throws Exception {
    byte[] pre =
        PlaceholderGbcs.apdu(
            1, 7, USER, DEVICE, io.dccsim.core.value.ServiceReferenceVariant.parse("7.1"));
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair mine = g.generateKeyPair();
    KeyPair other = g.generateKeyPair();
    byte[] signed = PreCommandSignature.sign(pre, mine.getPrivate());
    assertThat(signed).hasSize(pre.length + 64);
    assertThat(signed[pre.length - 1]).isEqualTo((byte) 0x40);
    assertThat(PreCommandSignature.sameCommand(signed, pre)).isTrue();
    assertThat(PreCommandSignature.verifies(signed, List.of(mine.getPublic()))).isTrue();
    assertThat(PreCommandSignature.verifies(signed, List.of(other.getPublic()))).isFalse();
    assertThat(PreCommandSignature.verifies(signed, List.of(other.getPublic(), mine.getPublic())))
        .isTrue();
    assertThat(PreCommandSignature.verifies(signed, List.of())).isFalse();
    byte[] changed = signed.clone();
    changed[5] ^= 1;
    assertThat(PreCommandSignature.sameCommand(changed, pre)).isFalse();
    assertThat(PreCommandSignature.verifies(changed, List.of(mine.getPublic()))).isFalse();
    assertThat(PreCommandSignature.sameCommand(pre, pre)).isFalse();
  }

  @Test
  void inTheDccBoxedFormThePreCommandLosesItsNullSignatureAndTheSameBytesAreSigned()
      throws Exception {
    byte[] gbcs =
        PlaceholderGbcs.apdu(
            1, 7, USER, DEVICE, io.dccsim.core.value.ServiceReferenceVariant.parse("7.2"));
    PreCommandSignature.Form boxed = PreCommandSignature.Form.NO_SIGNATURE_FIELD;
    assertThat(PreCommandSignature.Form.parse(" DCC-Boxed ")).isEqualTo(boxed);
    assertThat(PreCommandSignature.Form.parse("gbcs"))
        .isEqualTo(PreCommandSignature.Form.NULL_SIGNATURE);
    assertThatThrownBy(() -> PreCommandSignature.Form.parse("boxed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gbcs or dcc-boxed");
    byte[] pre = boxed.of(gbcs);
    assertThat(pre).hasSize(gbcs.length - 1);
    assertThat(PreCommandSignature.Form.NULL_SIGNATURE.of(gbcs)).isEqualTo(gbcs);

    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair mine = g.generateKeyPair();
    byte[] signed = PreCommandSignature.sign(pre, mine.getPrivate(), boxed);
    assertThat(signed).hasSize(pre.length + 65);
    assertThat(PreCommandSignature.sameCommand(signed, pre, boxed)).isTrue();
    assertThat(PreCommandSignature.verifies(signed, List.of(mine.getPublic()))).isTrue();
    // the same command as the GBCS form's signature, over the same bytes
    byte[] spec = PreCommandSignature.sign(gbcs, mine.getPrivate());
    assertThat(java.util.Arrays.copyOf(spec, gbcs.length))
        .isEqualTo(java.util.Arrays.copyOf(signed, gbcs.length));
    assertThat(PreCommandSignature.sameCommand(spec, gbcs)).isTrue();
    // a GBCS-form pre-command signed whole (its 00 kept) is not the command, and is named
    byte[] whole = PreCommandSignature.sign(gbcs, mine.getPrivate(), boxed);
    assertThat(PreCommandSignature.sameCommand(whole, gbcs)).isFalse();
    assertThat(PreCommandSignature.signedOverNullSignature(whole, gbcs)).isTrue();
    assertThat(PreCommandSignature.signedOverNullSignature(spec, gbcs)).isFalse();
  }
}
