package io.dccsim.core.message;

import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The body of an alert the DCC sends a User: a {@code DeviceAlertMessage} (an alert a device
 * raised: {@code AlertCode}, {@code GBCSPayload}) or a {@code DCCAlertMessage} (one the DCC raised:
 * {@code DCCAlertCode}, {@code DCCAlert}), directly under {@code Body} in place of a {@code
 * ResponseMessage}. Kept as XML; immutable (the element is copied, callers receive copies).
 */
public final class AlertBody implements ResponseBody {
  /** The element name of a device alert. */
  public static final String DEVICE_ALERT = "DeviceAlertMessage";

  /** The element name of a DCC alert. */
  public static final String DCC_ALERT = "DCCAlertMessage";

  private final RawXml xml;

  private AlertBody(RawXml xml) {
    this.xml = xml;
  }

  /**
   * An alert body holding a copy of {@code element}.
   *
   * @throws IllegalArgumentException when it is neither alert element of the DUIS namespace
   */
  public static AlertBody of(Element element) {
    Objects.requireNonNull(element, "element");
    if (!isAlert(element)) {
      throw new IllegalArgumentException(
          "An alert body is a DeviceAlertMessage or a DCCAlertMessage, not "
              + element.getLocalName());
    }
    return new AlertBody(RawXml.copyOf(element));
  }

  /** Whether {@code element} is a DUIS alert element. */
  public static boolean isAlert(Element element) {
    return io.dccsim.core.codec.DuisXml.NAMESPACE.equals(element.getNamespaceURI())
        && (DEVICE_ALERT.equals(element.getLocalName())
            || DCC_ALERT.equals(element.getLocalName()));
  }

  /** Whether a device raised it. */
  public boolean isDeviceAlert() {
    return DEVICE_ALERT.equals(xml.localName());
  }

  /**
   * The alert's code: {@code AlertCode} of a device alert (e.g. {@code 8F66}), {@code DCCAlertCode}
   * of a DCC alert (e.g. {@code N42}); empty when the element has none.
   */
  public String code() {
    String name = isDeviceAlert() ? "AlertCode" : "DCCAlertCode";
    for (org.w3c.dom.Node n = xml.copy().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }

  /** {@code DeviceAlertMessage} or {@code DCCAlertMessage}. */
  public String localName() {
    return xml.localName();
  }

  /** A fresh copy of the alert element. */
  public Element element() {
    return xml.copy();
  }

  /** A fresh copy owned by {@code document}, not yet attached. */
  public Element copyInto(Document document) {
    return xml.copyInto(document);
  }

  /** Alerts name no Service Reference Variant. */
  @Override
  public Optional<io.dccsim.core.value.ServiceReferenceVariant> serviceReferenceVariant() {
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertBody other && xml.sameAs(other.xml);
  }

  @Override
  public int hashCode() {
    return xml.contentHash();
  }

  @Override
  public String toString() {
    return "AlertBody[" + localName() + "]";
  }
}
