package io.dccsim.core.message;

import io.dccsim.core.value.SchemaVersion;
import java.util.Objects;

/**
 * A DUIS Service Request ({@code sr:Request}), without its signature.
 *
 * @param schemaVersion the {@code schemaVersion} attribute; it also chooses the response form
 * @param header the header
 * @param body the body
 */
public record ServiceRequest(SchemaVersion schemaVersion, RequestHeader header, RequestBody body) {
  /** Checks every part is present. */
  public ServiceRequest {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
  }
}
