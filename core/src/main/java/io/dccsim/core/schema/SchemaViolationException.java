package io.dccsim.core.schema;

import java.util.Objects;

/**
 * A document that its schema does not allow. The message is short: where (the element's path from
 * the root, or the line when the document came from text) and why, in the validator's words.
 */
public class SchemaViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String reason;

  /** A violation at {@code location} (an element path or {@code line N}) for {@code reason}. */
  public SchemaViolationException(String location, String reason) {
    super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(reason));
    this.location = location;
    this.reason = reason;
  }

  /** Where the document breaks the schema, e.g. {@code /Request/Header/RequestID}. */
  public String location() {
    return location;
  }

  /** What the validator objected to. */
  public String reason() {
    return reason;
  }
}
