package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

class IssuerNameTest {

  @Test
  void caseAndSpacingDoNotMatter() {
    assertThat(IssuerName.canonical("CN=Root, O=Test")).isEqualTo("cn=root,o=test");
    assertThat(IssuerName.same("CN=Root, O=Test", "cn=Root,o=Test")).isTrue();
    assertThat(IssuerName.same("CN=Root  CA,O=Test", "CN=root ca,O=test")).isTrue();
  }

  @Test
  void orderAndValuesDo() {
    assertThat(IssuerName.same("CN=Root,O=Test", "O=Test,CN=Root")).isFalse();
    assertThat(IssuerName.same("CN=Root,O=Test", "CN=Root,O=Tests")).isFalse();
    assertThat(IssuerName.same("CN=Root", "CN=Root,O=Test")).isFalse();
  }

  @Test
  void textIsReadInRfc4514OrderLikeTheJdk() {
    javax.security.auth.x500.X500Principal jdk =
        new javax.security.auth.x500.X500Principal("CN=Root CA, OU=07, O=Test");
    assertThat(IssuerName.canonical("CN=Root CA, OU=07, O=Test"))
        .isEqualTo(jdk.getName(javax.security.auth.x500.X500Principal.CANONICAL));
    assertThat(
            IssuerName.same(
                jdk.getName(javax.security.auth.x500.X500Principal.RFC2253),
                "cn=root ca,ou=07,o=test"))
        .isTrue();
  }

  @Test
  void theStringTypeOfAValueDoesNotMatter() {
    X500NameBuilder printable = new X500NameBuilder();
    printable.addRDN(BCStyle.CN, new DERPrintableString("Root CA"));
    X500NameBuilder utf8 = new X500NameBuilder();
    utf8.addRDN(BCStyle.CN, new DERUTF8String("Root CA"));
    assertThat(IssuerName.canonical(printable.build().toString()))
        .isEqualTo(IssuerName.canonical(utf8.build().toString()));
  }

  @Test
  void bouncyCastleAndJdkSpellingsOfX500UniqueIdentifierAgree() {
    assertThat(
            IssuerName.same(
                "CN=Z1 OCA,OU=07,UniqueIdentifier=#03090090b3d51f30010000",
                "CN=Z1 OCA,OU=07,2.5.4.45=#03090090B3D51F30010000"))
        .isTrue();
  }

  @Test
  void textThatIsNoNameMatchesOnlyItself() {
    assertThat(IssuerName.same("not a name", "not a name")).isTrue();
    assertThat(IssuerName.same("not a name", "CN=Root")).isFalse();
    assertThatThrownBy(() -> IssuerName.canonical("not a name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
