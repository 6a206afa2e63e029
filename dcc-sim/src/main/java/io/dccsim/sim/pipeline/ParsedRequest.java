package io.dccsim.sim.pipeline;

import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A DUIS request read from its one DOM (the same DOM is used to verify its signature).
 *
 * @param document the parsed document
 * @param schemaVersion the root's {@code schemaVersion}
 * @param requestId the RequestID
 * @param commandVariant the CommandVariant
 * @param serviceReference the ServiceReference
 * @param serviceReferenceVariant the ServiceReferenceVariant
 * @param body the one request element inside {@code Body}
 * @param message the request as core's typed message
 */
public record ParsedRequest(
    Document document,
    SchemaVersion schemaVersion,
    RequestId requestId,
    CommandVariant commandVariant,
    ServiceReference serviceReference,
    ServiceReferenceVariant serviceReferenceVariant,
    Element body,
    ServiceRequest message) {

  /** Validates. */
  public ParsedRequest {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(commandVariant, "commandVariant");
    Objects.requireNonNull(serviceReference, "serviceReference");
    Objects.requireNonNull(serviceReferenceVariant, "serviceReferenceVariant");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(message, "message");
  }
}
