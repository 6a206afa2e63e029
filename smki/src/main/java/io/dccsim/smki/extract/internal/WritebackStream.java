package io.dccsim.smki.extract.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Writes to a file channel and, every {@code interval} bytes, asks the disk on a background thread
 * to write back what has been written so far. Without it the kernel holds a large extract in the
 * page cache until the final fsync, so encoding and disk writing run one after the other instead of
 * at the same time. The final {@link #forceAll()} still decides durability.
 */
public final class WritebackStream extends OutputStream {
  private final FileChannel channel;
  private final long interval;
  private long written;
  private long nextWriteback;
  private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

  /** A stream over {@code channel}, writing back every {@code interval} bytes. */
  public WritebackStream(FileChannel channel, long interval) {
    this.channel = channel;
    this.interval = interval;
    this.nextWriteback = interval;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    written += len;
    if (written >= nextWriteback) {
      nextWriteback = written + interval;
      if (pending.isDone()) {
        failIfFailed();
        pending =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    channel.force(false);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
  }

  /** Waits for the background write-back, then forces everything, metadata included. */
  public void forceAll() throws IOException {
    failIfFailed();
    channel.force(true);
  }

  private void failIfFailed() throws IOException {
    try {
      pending.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IOException("Background write-back failed: " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for write-back", e);
    }
  }
}
