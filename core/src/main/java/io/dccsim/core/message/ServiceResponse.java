package io.dccsim.core.message;

import io.dccsim.core.value.SchemaVersion;
import java.util.Objects;

/**
 * A DUIS Service Response ({@code sr:Response}), without its signature.
 *
 * @param schemaVersion the {@code schemaVersion} attribute (normally the request's)
 * @param header the header
 * @param body the body, or {@link NoBody#INSTANCE}
 */
public record ServiceResponse(
    SchemaVersion schemaVersion, ResponseHeader header, ResponseBody body) {
  /** Checks every part is present. */
  public ServiceResponse {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
  }
}
