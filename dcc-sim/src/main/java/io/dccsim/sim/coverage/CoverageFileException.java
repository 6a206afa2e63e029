package io.dccsim.sim.coverage;

/** A coverage file could not be read: says which file, which line and what is wrong. */
public final class CoverageFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /** A problem at a line (1-based; 0 when the problem is not on one line). */
  public CoverageFileException(String source, long line, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file name (or other source description). */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0. */
  public long line() {
    return line;
  }
}
