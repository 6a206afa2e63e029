package io.dccsim.core.codec;

import java.util.Objects;

/**
 * A DUIS document that does not have the shape the codec expects: a missing, misplaced or
 * unexpected element, or a value that does not parse. The message names the element by its path
 * from the root, e.g. {@code /Request/Header/RequestID}.
 */
public class DuisFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  /** A problem with the element at {@code path}. */
  public DuisFormatException(String path, String problem) {
    super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"));
    this.path = path;
    this.problem = problem;
  }

  /** A problem with the element at {@code path}, caused by {@code cause}. */
  public DuisFormatException(String path, String problem, Throwable cause) {
    this(path, problem);
    initCause(cause);
  }

  /** The path of the element at fault, e.g. {@code /Request/Header/RequestID}. */
  public String path() {
    return path;
  }

  /** The local name of the element at fault, e.g. {@code RequestID}. */
  public String element() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }
}
