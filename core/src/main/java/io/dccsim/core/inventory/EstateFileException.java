package io.dccsim.core.inventory;

/** An estate file that cannot be read: the message names the line and the problem. */
public final class EstateFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String problem;

  /** A problem on {@code line} (1-based). */
  public EstateFileException(long line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** A problem on {@code line} (1-based) with a cause. */
  public EstateFileException(long line, String problem, Throwable cause) {
    super("line " + line + ": " + problem, cause);
    this.line = line;
    this.problem = problem;
  }

  /** The 1-based line the problem is on. */
  public long line() {
    return line;
  }

  /** The problem alone, without its line: the message is {@code line N: } and this. */
  public String problem() {
    return problem;
  }
}
