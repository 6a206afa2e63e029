package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CommandVariantTest {
  @Test
  void variantEightIsTheSynchronousNonDeviceService() {
    CommandVariant v = CommandVariant.parse("8");
    assertThat(v).isEqualTo(CommandVariant.NON_DEVICE);
    assertThat(v.isSynchronous()).isTrue();
    assertThat(v.isDeviceRequest()).isFalse();
    assertThat(v.hasAsynchronousResponse()).isFalse();
    assertThat(v.webService()).isEqualTo(WebService.NON_DEVICE);
    assertThat(v.webService().path()).isEqualTo("/api/v1/serviceD");
  }

  @Test
  void wanVariantsAreAnsweredAsynchronously() {
    assertThat(CommandVariant.SEND_VIA_WAN.isSynchronous()).isFalse();
    assertThat(CommandVariant.SEND_VIA_WAN.hasAsynchronousResponse()).isTrue();
    assertThat(CommandVariant.RETURN_FOR_LOCAL_DELIVERY.isSynchronous()).isTrue();
    assertThat(CommandVariant.SEND_VIA_WAN_AND_RETURN.returnsForLocalDelivery()).isTrue();
    assertThat(CommandVariant.SEND_VIA_WAN_AND_RETURN.sendsViaWan()).isTrue();
    assertThat(CommandVariant.TRANSFORM_TO_PRE_COMMAND.webService())
        .isEqualTo(WebService.TRANSFORM);
    assertThat(CommandVariant.TRANSFORM_TO_PRE_COMMAND.isSynchronous()).isTrue();
    assertThat(CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN.isSignedPreCommand()).isTrue();
    assertThat(CommandVariant.NON_DEVICE.isSignedPreCommand()).isFalse();
    assertThat(WebService.fromPath("/api/v1/serviceT")).hasValue(WebService.TRANSFORM);
    assertThat(WebService.fromPath("/api/v1/servicet")).isEmpty();
  }

  @Test
  void eachVariantGoesToTheWebServiceTheDccsToolsUse() {
    // the two synchronous local-delivery variants are on the Non-Device Service
    for (int cv = 1; cv <= 8; cv++) {
      WebService expected =
          switch (cv) {
            case 2, 6, 8 -> WebService.NON_DEVICE;
            case 4 -> WebService.TRANSFORM;
            default -> WebService.SEND_COMMAND;
          };
      assertThat(CommandVariant.parse(Integer.toString(cv)).webService())
          .as("command variant " + cv)
          .isEqualTo(expected);
    }
  }

  @Test
  void rejectsOtherNumbers() {
    for (String s : new String[] {"0", "9", "08", "", "x", "1.0", "-1"}) {
      assertThatThrownBy(() -> CommandVariant.parse(s))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1 to 8");
    }
    assertThat(CommandVariant.fromCode(0)).isEmpty();
    assertThat(CommandVariant.fromCode(9)).isEmpty();
  }

  @Property
  void codesRoundTrip(@ForAll CommandVariant v) {
    assertThat(CommandVariant.parse(Integer.toString(v.code()))).isEqualTo(v);
    assertThat(CommandVariant.fromCode(v.code())).hasValue(v);
  }
}
