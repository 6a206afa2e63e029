package io.dccsim.core.xml;

/**
 * Bounds that {@link SecureXml} enforces while it parses, so that an oversized or hostile document
 * is refused before it is built.
 *
 * @param maxBytes largest accepted document, in bytes (default 1 MiB)
 * @param maxDepth deepest accepted element nesting; the root element is depth 1 (default 64)
 * @param maxElements most elements in one document (default 20,000)
 * @param maxAttributesPerElement most attributes, namespace declarations included, on one element
 *     (default 64)
 * @param maxTextLength longest run of character data between two tags, in chars (default 256 Ki)
 */
public record XmlLimits(
    int maxBytes, int maxDepth, int maxElements, int maxAttributesPerElement, int maxTextLength) {

  /** The defaults: 1 MiB, depth 64, 20,000 elements, 64 attributes, 256 Ki chars of text. */
  public static final XmlLimits DEFAULTS = new XmlLimits(1 << 20, 64, 20_000, 64, 256 * 1024);

  /** Validates that every bound is positive. */
  public XmlLimits {
    requirePositive(maxBytes, "maxBytes");
    requirePositive(maxDepth, "maxDepth");
    requirePositive(maxElements, "maxElements");
    requirePositive(maxAttributesPerElement, "maxAttributesPerElement");
    requirePositive(maxTextLength, "maxTextLength");
  }

  /** A copy with another byte bound. */
  public XmlLimits withMaxBytes(int value) {
    return new XmlLimits(value, maxDepth, maxElements, maxAttributesPerElement, maxTextLength);
  }

  /** A copy with another depth bound. */
  public XmlLimits withMaxDepth(int value) {
    return new XmlLimits(maxBytes, value, maxElements, maxAttributesPerElement, maxTextLength);
  }

  /** A copy with another element-count bound. */
  public XmlLimits withMaxElements(int value) {
    return new XmlLimits(maxBytes, maxDepth, value, maxAttributesPerElement, maxTextLength);
  }

  /** A copy with another attributes-per-element bound. */
  public XmlLimits withMaxAttributesPerElement(int value) {
    return new XmlLimits(maxBytes, maxDepth, maxElements, value, maxTextLength);
  }

  /** A copy with another text-length bound. */
  public XmlLimits withMaxTextLength(int value) {
    return new XmlLimits(maxBytes, maxDepth, maxElements, maxAttributesPerElement, value);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
