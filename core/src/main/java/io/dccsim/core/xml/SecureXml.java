package io.dccsim.core.xml;

import io.dccsim.core.xml.XmlRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Turns bytes into a namespace-aware DOM, refusing what is hostile or too big.
 *
 * <p>Every document type declaration is refused, so there is no external entity (XXE), no entity
 * expansion ("billion laughs") and no DTD fetch; external schemas, stylesheets and XInclude are off
 * and the JDK's secure processing is on. The {@link XmlLimits} are checked as the parser reads, so
 * a document 10,000 elements deep is refused at element 65, not after it has been built.
 *
 * <p>The DOM keeps what canonicalisation needs: namespace declarations as {@code xmlns} attributes,
 * whitespace, comments and processing instructions; CDATA sections become plain text.
 *
 * <p>{@link #parse(byte[], ValidatorHandler)} also validates in the same pass: the parser hands
 * each event, once the limits have passed it, to a schema's {@link ValidatorHandler}, so the tree
 * is read once rather than parsed and then walked again. The DOM is built from the parser's events,
 * not the validator's, so it is the same as {@link #parse(byte[])} builds (no schema defaults).
 *
 * <p>Instances are immutable and thread-safe; each thread reuses its own parser, so there is no
 * factory lookup per call.
 */
public final class SecureXml {
  private static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
  private static final SAXParserFactory SAX_FACTORY = newSaxFactory();
  private static final DocumentBuilderFactory DOM_FACTORY = newDomFactory();
  private static final ThreadLocal<ThreadParser> PARSERS =
      ThreadLocal.withInitial(ThreadParser::create);
  private static final SecureXml DEFAULT = new SecureXml(XmlLimits.DEFAULTS);

  private final XmlLimits limits;

  private SecureXml(XmlLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A parser with {@link XmlLimits#DEFAULTS}. */
  public static SecureXml withDefaults() {
    return DEFAULT;
  }

  /** A parser with the given limits. */
  public static SecureXml withLimits(XmlLimits limits) {
    return new SecureXml(limits);
  }

  /** The limits this parser enforces. */
  public XmlLimits limits() {
    return limits;
  }

  /**
   * Parses a whole document.
   *
   * @throws XmlRejectedException naming the reason when the document is refused
   */
  public Document parse(byte[] xml) {
    Objects.requireNonNull(xml, "xml");
    return parse(xml, 0, xml.length);
  }

  /**
   * Parses {@code length} bytes of {@code xml} from {@code offset}.
   *
   * @throws XmlRejectedException naming the reason when the document is refused
   */
  public Document parse(byte[] xml, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, xml.length);
    if (length > limits.maxBytes()) {
      throw new XmlRejectedException(
          Reason.TOO_LARGE,
          "document of " + length + " bytes exceeds the limit of " + limits.maxBytes() + " bytes");
    }
    if (length == 0) {
      throw new XmlRejectedException(Reason.MALFORMED, "empty document");
    }
    return PARSERS.get().parse(xml, offset, length, limits, null);
  }

  /**
   * Parses a whole document and validates it in the same pass with {@code validation}, which sees
   * every element, attribute and character once the limits have allowed it. Namespace declarations
   * reach it as prefix mappings only, never as attributes. The DOM is the one {@link
   * #parse(byte[])} would build: whatever the validator would add (default attributes, normalised
   * values) is not put into it.
   *
   * <p>The validation reports a problem by throwing from its {@link
   * javax.xml.validation.ValidatorHandler#getErrorHandler() error handler}: a {@link SAXException}
   * that wraps a {@link RuntimeException} (see {@link SAXException#getException()}) reaches the
   * caller as that exception, unchanged; any other is refused as {@link
   * XmlRejectedException.Reason#MALFORMED}. The handler must not be shared between threads while
   * parsing; it may be reused for the next document.
   *
   * @throws XmlRejectedException naming the reason when the document is refused
   */
  public Document parse(byte[] xml, ValidatorHandler validation) {
    Objects.requireNonNull(xml, "xml");
    Objects.requireNonNull(validation, "validation");
    if (xml.length > limits.maxBytes()) {
      throw new XmlRejectedException(
          Reason.TOO_LARGE,
          "document of "
              + xml.length
              + " bytes exceeds the limit of "
              + limits.maxBytes()
              + " bytes");
    }
    if (xml.length == 0) {
      throw new XmlRejectedException(Reason.MALFORMED, "empty document");
    }
    return PARSERS.get().parse(xml, 0, xml.length, limits, validation);
  }

  /**
   * Reads at most {@link XmlLimits#maxBytes()} bytes from {@code in} and parses them; a longer
   * stream is refused without reading all of it. The stream is not closed.
   *
   * @throws XmlRejectedException naming the reason when the document is refused
   * @throws IOException when reading fails
   */
  public Document parse(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
    if (bytes.length > limits.maxBytes()) {
      throw new XmlRejectedException(
          Reason.TOO_LARGE, "document exceeds the limit of " + limits.maxBytes() + " bytes");
    }
    return parse(bytes, 0, bytes.length);
  }

  /** A new, empty, namespace-aware document to build into. */
  public static Document newDocument() {
    return PARSERS.get().builder.newDocument();
  }

  private static SAXParserFactory newSaxFactory() {
    try {
      SAXParserFactory f = SAXParserFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
      return f;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the platform XML parser cannot be hardened", e);
    }
  }

  private static DocumentBuilderFactory newDomFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the platform DOM builder cannot be hardened", e);
    }
  }

  /** True when the prolog of a refused document carries a document type declaration. */
  static boolean hasDoctype(byte[] xml, int offset, int length) {
    int n = Math.min(length, 64 * 1024);
    String head;
    if (n >= 2
        && ((xml[offset] == (byte) 0xFE && xml[offset + 1] == (byte) 0xFF)
            || (xml[offset] == 0 && xml[offset + 1] == '<'))) {
      head = new String(xml, offset, n, StandardCharsets.UTF_16BE);
    } else if (n >= 2
        && ((xml[offset] == (byte) 0xFF && xml[offset + 1] == (byte) 0xFE)
            || (xml[offset] == '<' && xml[offset + 1] == 0))) {
      head = new String(xml, offset, n, StandardCharsets.UTF_16LE);
    } else {
      // ASCII-compatible encodings: markup is plain ASCII whatever the declared encoding.
      head = new String(xml, offset, n, StandardCharsets.ISO_8859_1);
    }
    int doctype = head.indexOf("<!DOCTYPE");
    if (doctype < 0) {
      return false;
    }
    for (int i = head.indexOf('<'); i >= 0 && i < doctype; i = head.indexOf('<', i + 1)) {
      char next = i + 1 < head.length() ? head.charAt(i + 1) : '?';
      if (next != '?' && next != '!') {
        return false; // an element started before it: the text is content, not a prolog
      }
    }
    return true;
  }

  /** One thread's reusable parser and the handler that builds the DOM while enforcing limits. */
  private static final class ThreadParser extends DefaultHandler2 {
    private final XMLReader reader;
    private final DocumentBuilder builder;
    private final StringBuilder text = new StringBuilder();
    private XmlLimits limits;
    private ContentHandler validation;
    private Document document;
    private Node current;
    private int depth;
    private int elements;
    private boolean inCdata;

    private ThreadParser(XMLReader reader, DocumentBuilder builder) {
      this.reader = reader;
      this.builder = builder;
    }

    static ThreadParser create() {
      try {
        SAXParser parser;
        DocumentBuilder builder;
        synchronized (SAX_FACTORY) {
          parser = SAX_FACTORY.newSAXParser();
        }
        synchronized (DOM_FACTORY) {
          builder = DOM_FACTORY.newDocumentBuilder();
        }
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLReader reader = parser.getXMLReader();
        ThreadParser handler = new ThreadParser(reader, builder);
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        reader.setEntityResolver(handler);
        reader.setDTDHandler(handler);
        reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
        return handler;
      } catch (ParserConfigurationException | SAXException e) {
        throw new IllegalStateException("the platform XML parser cannot be hardened", e);
      }
    }

    Document parse(
        byte[] xml, int offset, int length, XmlLimits limits, ContentHandler validation) {
      this.limits = limits;
      this.validation = validation;
      this.document = builder.newDocument();
      // The parser has checked every name already; the DOM need not check them again.
      document.setStrictErrorChecking(false);
      this.current = document;
      this.depth = 0;
      this.elements = 0;
      this.inCdata = false;
      this.text.setLength(0);
      try {
        reader.parse(new InputSource(new ByteArrayInputStream(xml, offset, length)));
        if (document.getDocumentElement() == null) {
          throw new XmlRejectedException(Reason.MALFORMED, "no root element");
        }
        document.setStrictErrorChecking(true);
        return document;
      } catch (Limit e) {
        throw e.rejection;
      } catch (Validation e) {
        if (e.problem.getException() instanceof RuntimeException carried) {
          throw carried;
        }
        throw new XmlRejectedException(
            Reason.MALFORMED, "refused by validation: " + e.problem.getMessage());
      } catch (SAXParseException e) {
        if (hasDoctype(xml, offset, length)) {
          throw new XmlRejectedException(Reason.DOCTYPE, "document type declarations are refused");
        }
        throw new XmlRejectedException(
            Reason.MALFORMED,
            "not well-formed at line "
                + e.getLineNumber()
                + ", column "
                + e.getColumnNumber()
                + ": "
                + e.getMessage());
      } catch (SAXException e) {
        if (e.getException() instanceof XmlRejectedException rejected) {
          throw rejected;
        }
        throw new XmlRejectedException(Reason.MALFORMED, "not well-formed: " + e.getMessage());
      } catch (IOException e) {
        throw new XmlRejectedException(Reason.MALFORMED, "unreadable: " + e.getMessage());
      } catch (RuntimeException e) {
        if (e instanceof XmlRejectedException) {
          throw e;
        }
        PARSERS.remove(); // the parser may be in an unknown state; start afresh next time
        throw new XmlRejectedException(Reason.MALFORMED, "unparseable: " + e);
      } finally {
        this.document = null;
        this.current = null;
        this.validation = null;
        this.text.setLength(0);
        if (text.capacity() > 64 * 1024) {
          text.trimToSize();
        }
      }
    }

    private static Validation fromValidation(SAXException problem) {
      return problem instanceof Validation v ? v : new Validation(problem);
    }

    /** Namespace declarations are prefix mappings to a validator, not attributes. */
    private static Attributes withoutNamespaceDeclarations(Attributes atts) {
      int count = atts.getLength();
      int first = -1;
      for (int i = 0; i < count && first < 0; i++) {
        if (isNamespaceDeclaration(atts.getQName(i))) {
          first = i;
        }
      }
      if (first < 0) {
        return atts;
      }
      AttributesImpl kept = new AttributesImpl();
      for (int i = 0; i < count; i++) {
        if (i < first || !isNamespaceDeclaration(atts.getQName(i))) {
          kept.addAttribute(
              atts.getURI(i),
              atts.getLocalName(i),
              atts.getQName(i),
              atts.getType(i),
              atts.getValue(i));
        }
      }
      return kept;
    }

    private static boolean isNamespaceDeclaration(String qName) {
      return qName.startsWith("xmlns") && (qName.length() == 5 || qName.charAt(5) == ':');
    }

    private static Limit limit(Reason reason, String message) {
      return new Limit(new XmlRejectedException(reason, message));
    }

    private void flushText() {
      if (text.length() > 0) {
        current.appendChild(document.createTextNode(text.toString()));
        text.setLength(0);
      }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      if (++elements > limits.maxElements()) {
        throw limit(
            Reason.TOO_MANY_ELEMENTS,
            "document has more than " + limits.maxElements() + " elements");
      }
      if (++depth > limits.maxDepth()) {
        throw limit(Reason.TOO_DEEP, "elements nest deeper than " + limits.maxDepth() + " levels");
      }
      int count = atts.getLength();
      if (count > limits.maxAttributesPerElement()) {
        throw limit(
            Reason.TOO_MANY_ATTRIBUTES,
            "element <"
                + qName
                + "> has more than "
                + limits.maxAttributesPerElement()
                + " attributes");
      }
      flushText();
      Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
      for (int i = 0; i < count; i++) {
        String name = atts.getQName(i);
        if (name.equals("xmlns") || name.startsWith("xmlns:")) {
          element.setAttributeNS(XMLNS_NS, name, atts.getValue(i));
        } else {
          String attUri = atts.getURI(i);
          element.setAttributeNS(attUri.isEmpty() ? null : attUri, name, atts.getValue(i));
        }
      }
      current.appendChild(element);
      current = element;
      if (validation != null) {
        try {
          validation.startElement(uri, localName, qName, withoutNamespaceDeclarations(atts));
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      flushText();
      depth--;
      current = current.getParentNode();
      if (validation != null) {
        try {
          validation.endElement(uri, localName, qName);
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      if (validation != null) {
        validation.setDocumentLocator(locator);
      }
    }

    @Override
    public void startDocument() throws SAXException {
      if (validation != null) {
        try {
          validation.startDocument();
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void endDocument() throws SAXException {
      if (validation != null) {
        try {
          validation.endDocument();
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      if (validation != null) {
        try {
          validation.startPrefixMapping(prefix, uri);
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      if (validation != null) {
        try {
          validation.endPrefixMapping(prefix);
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (text.length() + length > limits.maxTextLength()) {
        throw limit(
            Reason.TEXT_TOO_LONG,
            "character data longer than " + limits.maxTextLength() + " characters");
      }
      text.append(ch, start, length);
      if (validation != null) {
        try {
          validation.characters(ch, start, length);
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      flushText();
      current.appendChild(document.createProcessingInstruction(target, data));
      if (validation != null) {
        try {
          validation.processingInstruction(target, data);
        } catch (SAXException e) {
          throw fromValidation(e);
        }
      }
    }

    @Override
    public void comment(char[] ch, int start, int length) throws SAXException {
      if (inCdata) {
        return;
      }
      if (length > limits.maxTextLength()) {
        throw limit(
            Reason.TEXT_TOO_LONG, "comment longer than " + limits.maxTextLength() + " characters");
      }
      flushText();
      current.appendChild(document.createComment(new String(ch, start, length)));
    }

    @Override
    public void startCDATA() {
      inCdata = true;
    }

    @Override
    public void endCDATA() {
      inCdata = false;
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
      throw limit(Reason.DOCTYPE, "document type declarations are refused");
    }

    @Override
    public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId)
        throws SAXException {
      throw limit(Reason.DOCTYPE, "external entities are refused: " + systemId);
    }

    @Override
    public InputSource getExternalSubset(String name, String baseUri) {
      return null;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  /** Carries what the validation threw out of the SAX callbacks, apart from the parser's own. */
  private static final class Validation extends SAXException {
    private static final long serialVersionUID = 1L;
    private final transient SAXException problem;

    Validation(SAXException problem) {
      super(problem.getMessage());
      this.problem = problem;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** Carries a limit breach out of the SAX callbacks. */
  private static final class Limit extends SAXException {
    private static final long serialVersionUID = 1L;
    private final transient XmlRejectedException rejection;

    Limit(XmlRejectedException rejection) {
      super(rejection.getMessage());
      this.rejection = rejection;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
