package io.dccsim.core.message;

/** A service catalogue file that does not follow the format: names the source and the line. */
public final class CatalogueFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /** A fault at {@code line} (1-based) of {@code source}. */
  public CatalogueFormatException(String source, int line, String problem) {
    super(source + " line " + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The name of the file or resource read. */
  public String source() {
    return source;
  }

  /** The 1-based number of the faulty line. */
  public int line() {
    return line;
  }
}
