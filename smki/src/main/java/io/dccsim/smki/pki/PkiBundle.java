package io.dccsim.smki.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The certificates and private keys of an existing test PKI, as a team already holds them: a
 * directory (read recursively), a zip (such as an {@code org-crypto.zip} with {@code cert/} and
 * {@code key/} folders), or one file. Certificates may be PEM or DER, keys unencrypted PKCS#8 (PEM
 * or DER) or SEC 1 PEM; file names do not matter, each key is paired with its certificate by the
 * key itself. Files that are neither are skipped and named in {@link #skipped()}.
 *
 * <p>Bounded: at most {@link #MAX_FILES} files of at most {@link #MAX_FILE_BYTES} each.
 *
 * @param certificates every certificate found, each once, in the order read
 * @param credentials every private key found with the certificate it belongs to
 * @param skipped the files (or zip entries) that held neither, with the reason
 */
public record PkiBundle(
    List<X509Certificate> certificates, List<Credential> credentials, List<String> skipped) {

  /** The most files read from one bundle. */
  public static final int MAX_FILES = 10_000;

  /** The largest file (or zip entry) read. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** Copies. */
  public PkiBundle {
    certificates = List.copyOf(certificates);
    credentials = List.copyOf(credentials);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reads a bundle.
   *
   * @throws IllegalArgumentException when the path is missing, too big, holds no certificate, or a
   *     private key belongs to no certificate of the bundle
   * @throws UncheckedIOException when it cannot be read
   */
  public static PkiBundle read(Path path) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      if (Files.isDirectory(path)) {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(path)) {
          all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : all) {
          put(files, path.relativize(f).toString(), Files.size(f), () -> Files.readAllBytes(f));
        }
      } else if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("No such file or directory: " + path);
      } else if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
        readZip(path, files);
      } else {
        put(files, path.getFileName().toString(), Files.size(path), () -> Files.readAllBytes(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + path + " failed: " + e.getMessage(), e);
    }
    return of(path.toString(), files);
  }

  private interface Bytes {
    byte[] get() throws IOException;
  }

  private static void put(Map<String, byte[]> files, String name, long size, Bytes bytes)
      throws IOException {
    if (files.size() >= MAX_FILES) {
      throw new IllegalArgumentException("More than " + MAX_FILES + " files in the bundle");
    }
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(
          name + " is larger than " + MAX_FILE_BYTES + " bytes: not a certificate or key");
    }
    files.put(name, bytes.get());
  }

  private static void readZip(Path zip, Map<String, byte[]> files) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        // read at most one byte past the bound, whatever the entry claims its size is
        byte[] bytes = z.readNBytes(MAX_FILE_BYTES + 1);
        put(files, e.getName(), bytes.length, () -> bytes);
      }
    }
  }

  /** A bundle from files already read (name to content). */
  static PkiBundle of(String where, Map<String, byte[]> files) {
    Map<java.math.BigInteger, X509Certificate> certificates = new LinkedHashMap<>();
    Map<String, PrivateKey> keys = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      try {
        for (X509Certificate c : PemMaterial.certificates(f.getValue())) {
          certificates.putIfAbsent(c.getSerialNumber(), c);
        }
        continue;
      } catch (IllegalArgumentException notCertificates) {
        // perhaps a key
      }
      try {
        keys.put(f.getKey(), PemMaterial.privateKey(f.getValue()));
      } catch (IllegalArgumentException e) {
        skipped.add(f.getKey() + " (" + e.getMessage() + ")");
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("No certificate in " + where);
    }
    List<Credential> credentials = new ArrayList<>();
    for (Map.Entry<String, PrivateKey> k : keys.entrySet()) {
      X509Certificate owner =
          certificates.values().stream()
              .filter(c -> CredentialLoader.matches(c, k.getValue()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "The private key in "
                              + k.getKey()
                              + " belongs to no certificate of "
                              + where));
      credentials.add(new Credential(k.getValue(), owner, List.of()));
    }
    return new PkiBundle(List.copyOf(certificates.values()), credentials, skipped);
  }
}
