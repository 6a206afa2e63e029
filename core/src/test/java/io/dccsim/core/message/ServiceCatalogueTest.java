package io.dccsim.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {
  @Test
  void knowsRequestWanMatrix() {
    ServiceDefinition d =
        ServiceCatalogue.standard().find(ServiceReferenceVariant.parse("12.1")).orElseThrow();
    assertThat(d.name()).isEqualTo("Request WAN Matrix");
    assertThat(d.commandVariants()).containsExactly(CommandVariant.NON_DEVICE);
    assertThat(d.allows(CommandVariant.SEND_VIA_WAN)).isFalse();
    assertThat(d.webService()).isEqualTo(WebService.NON_DEVICE);
    assertThat(d.eligibleRoles()).containsExactlyInAnyOrder(UserRole.values());
    assertThat(d.isEligible(UserRole.GAS_TRANSPORTER)).isTrue();
    assertThat(ServiceCatalogue.standard().find(ServiceReferenceVariant.parse("4.1.1"))).isEmpty();
  }

  @Test
  void extendsByCopy() {
    ServiceDefinition other =
        new ServiceDefinition(
            ServiceReferenceVariant.parse("4.1.1"),
            "Read Instantaneous Import Registers",
            EnumSet.of(CommandVariant.SEND_VIA_WAN, CommandVariant.SEND_VIA_WAN_AND_RETURN),
            WebService.SEND_COMMAND,
            EnumSet.of(UserRole.IMPORT_SUPPLIER));
    ServiceCatalogue c = ServiceCatalogue.standard().with(other);
    assertThat(c.definitions()).hasSize(2);
    assertThat(ServiceCatalogue.standard().definitions()).hasSize(1);
    assertThat(c.find(other.variant())).hasValue(other);
    assertThatThrownBy(
            () ->
                new ServiceDefinition(
                    other.variant(),
                    "x",
                    EnumSet.noneOf(CommandVariant.class),
                    WebService.SEND_COMMAND,
                    EnumSet.of(UserRole.IMPORT_SUPPLIER)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
