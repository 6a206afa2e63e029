package io.dccsim.smki.extract.internal;

import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Streams one extract to an output stream with a fixed-size buffer, computing the content digest
 * and the whole-file digest on the way. Not thread-safe; one extract per instance.
 */
public final class ExtractWriter {
  private static final int BUFFER = 256 * 1024;

  private final OutputStream out;
  private final ExtractHeader header;
  // One digest runs over the whole file; at the end of the content a clone of its state gives the
  // content digest, so every byte is hashed once.
  private final MessageDigest fileDigest;
  private final byte[] buf = new byte[BUFFER];
  private final Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
  private ByteBuffer entry = ByteBuffer.allocate(4096);
  private int pos;
  private long entries;
  private long bytesWritten;

  /** Starts an extract: writes the magic and the header. */
  public ExtractWriter(OutputStream out, ExtractHeader header) throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    this.header = Objects.requireNonNull(header, "header");
    this.fileDigest = sha256();
    put(ExtractCodec.MAGIC, 0, ExtractCodec.MAGIC.length);
    byte[] json =
        ExtractCodec.headerJson(
            header.complete(header.fromSequence(), java.time.Instant.EPOCH, 0, Map.of(), ""));
    putInt(json.length);
    put(json, 0, json.length);
  }

  /** Appends one entry. */
  public void write(CertificateRecord record) throws IOException {
    entry = ExtractCodec.encodeEntry(record, entry);
    int n = entry.remaining();
    putByte(ExtractCodec.ENTRY_TAG);
    putInt(n);
    if (n > buf.length - pos) {
      flush();
    }
    if (n > buf.length) {
      update(entry.array(), 0, n);
      out.write(entry.array(), 0, n);
      bytesWritten += n;
    } else {
      entry.get(buf, pos, n);
      pos += n;
    }
    entries++;
    counts.merge(record.status(), 1L, Long::sum);
  }

  /** How many entries have been written. */
  public long entries() {
    return entries;
  }

  /**
   * Ends the content, writes the trailer (with the sequence point and cut-off the content matches)
   * and flushes (the caller forces and closes the stream).
   *
   * @return the complete manifest
   */
  public Finished finish(long toSequence, java.time.Instant cutOff) throws IOException {
    putByte(ExtractCodec.END_TAG);
    flush();
    byte[] contentSha;
    try {
      contentSha = ((MessageDigest) fileDigest.clone()).digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
    }
    ExtractManifest m =
        header.complete(toSequence, cutOff, entries, counts, HexFormat.of().formatHex(contentSha));
    byte[] trailer = ExtractCodec.trailerJson(m);
    put(trailer, 0, trailer.length);
    putInt(trailer.length);
    put(ExtractCodec.END_MAGIC, 0, ExtractCodec.END_MAGIC.length);
    flush();
    out.flush();
    return new Finished(m, HexFormat.of().formatHex(fileDigest.digest()), bytesWritten);
  }

  /**
   * A written extract.
   *
   * @param manifest its manifest
   * @param fileSha256 lower-case hex SHA-256 of the whole file
   * @param size the file's length in bytes
   */
  public record Finished(ExtractManifest manifest, String fileSha256, long size) {}

  private void putByte(int b) throws IOException {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = (byte) b;
  }

  private void putInt(int v) throws IOException {
    if (buf.length - pos < 4) {
      flush();
    }
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  private void put(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (pos == buf.length) {
        flush();
      }
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(b, off, buf, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  private void flush() throws IOException {
    if (pos > 0) {
      update(buf, 0, pos);
      out.write(buf, 0, pos);
      bytesWritten += pos;
      pos = 0;
    }
  }

  private void update(byte[] b, int off, int len) {
    fileDigest.update(b, off, len);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
