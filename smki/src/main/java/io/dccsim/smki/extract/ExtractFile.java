package io.dccsim.smki.extract;

import io.dccsim.smki.extract.internal.ExtractCodec;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads and verifies single extract files. */
public final class ExtractFile {
  private ExtractFile() {}

  /**
   * The manifest of an extract, read from its header and trailer only (cheap even for a 16 GB
   * file). Nothing is verified beyond the framing; use {@link #read} to verify.
   *
   * @throws ExtractException when the file is not a complete extract
   */
  public static ExtractManifest readManifest(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int magic = ExtractCodec.MAGIC.length;
      int endMagic = ExtractCodec.END_MAGIC.length;
      if (size < magic + 4 + 1 + 4 + endMagic) {
        throw new ExtractException(file.getFileName() + ": too short to be an extract");
      }
      ByteBuffer head = readAt(ch, 0, magic + 4);
      byte[] m = new byte[magic];
      head.get(m);
      if (!Arrays.equals(m, ExtractCodec.MAGIC)) {
        throw new ExtractException(file.getFileName() + ": not an SMKI extract (bad magic)");
      }
      int headerLength = jsonLength(file, head.getInt(), size);
      byte[] header = readAt(ch, magic + 4, headerLength).array();
      ByteBuffer tail = readAt(ch, size - endMagic - 4, endMagic + 4);
      int rawTrailerLength = tail.getInt();
      byte[] em = new byte[endMagic];
      tail.get(em);
      if (!Arrays.equals(em, ExtractCodec.END_MAGIC)) {
        throw new ExtractException(file.getFileName() + ": incomplete extract (no end marker)");
      }
      int trailerLength = jsonLength(file, rawTrailerLength, size);
      byte[] trailer = readAt(ch, size - endMagic - 4 - trailerLength, trailerLength).array();
      return named(file, () -> ExtractCodec.manifest(header, trailer));
    } catch (IOException e) {
      throw new ExtractException(file.getFileName() + ": cannot read: " + e, e);
    }
  }

  /**
   * Streams every entry of an extract to {@code sink} in file order and verifies the whole file:
   * framing, header, entry count, status counts, the content SHA-256 of the trailer and, when
   * {@code requireDetachedDigest} or when a {@code .sha256} file lies beside it, the detached
   * digest. Entries reach the sink before the verification ends: a caller that must not act on a
   * bad file collects them and uses them only when this method returns normally.
   *
   * @return the verified manifest
   * @throws ExtractException naming the file and the first problem found
   */
  public static ExtractManifest read(
      Path file, boolean requireDetachedDigest, Consumer<CertificateRecord> sink) {
    String name = String.valueOf(file.getFileName());
    Optional<String> detached = readDetachedDigest(file, requireDetachedDigest);
    MessageDigest whole = sha256();
    try (DigestingInput counted =
            new DigestingInput(new BufferedInputStream(Files.newInputStream(file), 256 * 1024));
        DataInputStream in = new DataInputStream(counted)) {
      counted.digest(whole);
      byte[] magic = new byte[ExtractCodec.MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, ExtractCodec.MAGIC)) {
        throw new ExtractException(name + ": not an SMKI extract (bad magic)");
      }
      byte[] header = new byte[jsonLength(file, in.readInt(), Long.MAX_VALUE)];
      in.readFully(header);
      long entries = 0;
      Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
      byte[] entry = new byte[0];
      while (true) {
        int tag = in.read();
        if (tag == ExtractCodec.END_TAG) {
          break;
        }
        if (tag != ExtractCodec.ENTRY_TAG) {
          throw new ExtractException(
              name
                  + ": "
                  + (tag < 0 ? "truncated" : "bad entry tag " + tag)
                  + " after entry "
                  + entries);
        }
        int length = in.readInt();
        if (length <= 0 || length > ExtractCodec.MAX_ENTRY) {
          throw new ExtractException(
              name + ": bad entry length " + length + " at entry " + entries);
        }
        if (entry.length != length) {
          entry = new byte[length];
        }
        in.readFully(entry);
        CertificateRecord r;
        try {
          r = ExtractCodec.decodeEntry(entry);
        } catch (ExtractException e) {
          throw new ExtractException(name + ": entry " + entries + ": " + e.getMessage(), e);
        }
        sink.accept(r);
        entries++;
        counts.merge(r.status(), 1L, Long::sum);
      }
      String contentSha = HexFormat.of().formatHex(snapshot(whole));
      int endMagic = ExtractCodec.END_MAGIC.length;
      byte[] rest = in.readNBytes(ExtractCodec.MAX_JSON + 4 + endMagic);
      if (in.read() >= 0) {
        throw new ExtractException(name + ": unexpected data after the trailer");
      }
      if (rest.length < 4 + endMagic
          || !Arrays.equals(
              Arrays.copyOfRange(rest, rest.length - endMagic, rest.length),
              ExtractCodec.END_MAGIC)) {
        throw new ExtractException(name + ": incomplete extract (no end marker)");
      }
      int trailerLength = ByteBuffer.wrap(rest, rest.length - endMagic - 4, 4).getInt();
      if (trailerLength != rest.length - endMagic - 4) {
        throw new ExtractException(name + ": trailer length does not match the file");
      }
      byte[] trailer = Arrays.copyOf(rest, trailerLength);
      ExtractManifest m = named(file, () -> ExtractCodec.manifest(header, trailer));
      if (!m.contentSha256().equals(contentSha)) {
        throw new ExtractException(
            name
                + ": content SHA-256 mismatch: manifest "
                + m.contentSha256()
                + ", content "
                + contentSha);
      }
      if (m.entryCount() != entries || !m.statusCounts().equals(counts)) {
        throw new ExtractException(
            name
                + ": manifest says "
                + m.entryCount()
                + " entries "
                + m.statusCounts()
                + ", file holds "
                + entries
                + " "
                + counts);
      }
      String fileSha = HexFormat.of().formatHex(whole.digest());
      if (detached.isPresent() && !detached.get().equals(fileSha)) {
        throw new ExtractException(
            name + ": detached SHA-256 mismatch: " + detached.get() + " != " + fileSha);
      }
      ExtractFileName.parse(name)
          .filter(n -> !n.equals(m.fileName()))
          .ifPresent(
              n -> {
                throw new ExtractException(name + ": name does not match manifest " + m.fileName());
              });
      return m;
    } catch (EOFException e) {
      throw new ExtractException(name + ": truncated", e);
    } catch (NoSuchFileException e) {
      throw new ExtractException(name + ": no such extract", e);
    } catch (IOException e) {
      throw new ExtractException(name + ": cannot read: " + e, e);
    }
  }

  private static ExtractManifest named(
      Path file, java.util.function.Supplier<ExtractManifest> parse) {
    try {
      return parse.get();
    } catch (ExtractException e) {
      throw new ExtractException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** The digest line of a {@code .sha256} file: {@code <hex> <name>}. */
  static String digestLine(String sha256Hex, String fileName) {
    return sha256Hex + "  " + fileName + "\n";
  }

  private static Optional<String> readDetachedDigest(Path file, boolean required) {
    Path digest = file.resolveSibling(file.getFileName() + ExtractFileName.DIGEST_SUFFIX);
    if (!Files.exists(digest)) {
      if (required) {
        throw new ExtractException(
            file.getFileName() + ": detached digest " + digest.getFileName() + " missing");
      }
      return Optional.empty();
    }
    try {
      if (Files.size(digest) > 4096) {
        throw new ExtractException(digest.getFileName() + ": too large for a digest file");
      }
      String line = Files.readString(digest, StandardCharsets.US_ASCII).strip();
      String[] parts = line.split("\\s+\\*?", 2);
      if (parts.length != 2
          || !parts[0].matches("[0-9a-fA-F]{64}")
          || !parts[1].equals(String.valueOf(file.getFileName()))) {
        throw new ExtractException(
            digest.getFileName() + ": not a sha256sum line for " + file.getFileName());
      }
      return Optional.of(parts[0].toLowerCase(java.util.Locale.ROOT));
    } catch (IOException e) {
      throw new ExtractException(digest.getFileName() + ": cannot read: " + e, e);
    }
  }

  private static int jsonLength(Path file, int length, long fileSize) {
    if (length <= 0 || length > ExtractCodec.MAX_JSON || length > fileSize) {
      throw new ExtractException(file.getFileName() + ": bad manifest length " + length);
    }
    return length;
  }

  private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new EOFException();
      }
    }
    return b.flip();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] snapshot(MessageDigest d) {
    try {
      return ((MessageDigest) d.clone()).digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
    }
  }

  /** Feeds every byte read to a digest. */
  private static final class DigestingInput extends java.io.FilterInputStream {
    private MessageDigest digest;

    DigestingInput(InputStream in) {
      super(in);
    }

    void digest(MessageDigest d) {
      this.digest = d;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        digest.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new IOException("skip not supported");
    }
  }
}
