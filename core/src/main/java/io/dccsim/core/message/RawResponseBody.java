package io.dccsim.core.message;

import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@code ResponseMessage} this library does not model: its Service Reference Variant and the
 * SR-specific element, kept as XML so it can pass through unchanged. Immutable: the element given
 * is copied, and callers receive copies.
 */
public final class RawResponseBody implements ResponseBody {
  private final ServiceReferenceVariant variant;
  private final RawXml xml;

  private RawResponseBody(ServiceReferenceVariant variant, RawXml xml) {
    this.variant = Objects.requireNonNull(variant, "variant");
    this.xml = xml;
  }

  /** A message for {@code variant} holding a copy of {@code element}. */
  public static RawResponseBody of(ServiceReferenceVariant variant, Element element) {
    return new RawResponseBody(variant, RawXml.copyOf(element));
  }

  /** A message for {@code variant} with no SR-specific element. */
  public static RawResponseBody empty(ServiceReferenceVariant variant) {
    return new RawResponseBody(variant, null);
  }

  @Override
  public Optional<ServiceReferenceVariant> serviceReferenceVariant() {
    return Optional.of(variant);
  }

  /** The Service Reference Variant. */
  public ServiceReferenceVariant variant() {
    return variant;
  }

  /** Whether an SR-specific element is present. */
  public boolean hasElement() {
    return xml != null;
  }

  /** The SR-specific element's local name, if present. */
  public Optional<String> localName() {
    return xml == null ? Optional.empty() : Optional.of(xml.localName());
  }

  /** A fresh copy of the SR-specific element, if present. */
  public Optional<Element> element() {
    return xml == null ? Optional.empty() : Optional.of(xml.copy());
  }

  /** A fresh copy of the SR-specific element owned by {@code document}, if present. */
  public Optional<Element> copyInto(Document document) {
    return xml == null ? Optional.empty() : Optional.of(xml.copyInto(document));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RawResponseBody other) || !other.variant.equals(variant)) {
      return false;
    }
    return xml == null ? other.xml == null : other.xml != null && xml.sameAs(other.xml);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variant, xml == null ? 0 : xml.contentHash());
  }

  @Override
  public String toString() {
    return "RawResponseBody[" + variant + localName().map(n -> ", " + n).orElse("") + "]";
  }
}
