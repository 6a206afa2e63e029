package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever is issued, the profile reader reads back exactly what was asked for. */
class ProfileRoundTripProperties {
  private static final TestPki PKI =
      TestPki.create(Clock.fixed(Instant.parse("2021-06-24T00:00:00Z"), ZoneOffset.UTC));

  @Property(tries = 40)
  void organisationCertificatesReadBack(
      @ForAll long eui, @ForAll RemotePartyRole role, @ForAll CertificateUsage usage) {
    Credential c = PKI.organisation(Eui64.of(eui)).role(role).usage(usage).issue();
    CertificateProfile p = CertificateProfile.read(c.certificate());
    assertThat(p.kind()).isEqualTo(CertificateKind.ORGANISATION);
    assertThat(p.subjectEui()).contains(Eui64.of(eui));
    assertThat(p.role()).contains(role);
    assertThat(p.usage()).isEqualTo(usage);
  }

  @Property(tries = 40)
  void deviceCertificatesReadBack(@ForAll long eui, @ForAll CertificateUsage usage) {
    Credential c = PKI.device(Eui64.of(eui)).usage(usage).issue();
    CertificateProfile p = CertificateProfile.read(c.certificate());
    assertThat(p.kind()).isEqualTo(CertificateKind.DEVICE);
    assertThat(p.subjectAltNameEui()).contains(Eui64.of(eui));
    assertThat(p.usage()).isEqualTo(usage);
  }
}
