package io.dccsim.smki.cli;

import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.internal.PkiFiles;
import java.nio.file.Path;

/** Writes a credential as {@code PREFIX.pem} (certificate and chain) and {@code PREFIX.key.pem}. */
final class CredentialFiles {
  private CredentialFiles() {}

  static void write(Credential c, Path prefix) {
    Path dir = prefix.toAbsolutePath().getParent();
    String name = prefix.getFileName().toString();
    PkiFiles.writePublic(dir.resolve(name + ".pem"), c.certificateChainPem());
    PkiFiles.writeSecret(dir.resolve(name + ".key.pem"), c.privateKeyPkcs8Pem());
  }
}
