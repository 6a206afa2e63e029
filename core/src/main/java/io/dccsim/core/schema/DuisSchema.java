package io.dccsim.core.schema;

import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Validates DUIS documents against an XML Schema: the project's own ({@link #builtIn()}), or an
 * official DUIS XSD a user holds ({@link #fromFile(Path)}).
 *
 * <p>A schema is compiled once; {@link #validate(Document)} and {@link #parseValidated(SecureXml,
 * byte[])} are thread-safe (each thread keeps its own validator). Loading and validating never
 * reach the network: the built-in schema may load nothing outside itself, and a schema from a file
 * may load only the files it imports or includes from its own directory (or below it).
 */
public final class DuisSchema {
  private static final String BUILT_IN_RESOURCE = "duis-sr12.xsd";
  private static final String DUIS_NAMESPACE = "http://www.dccinterface.co.uk/ServiceUserGateway";
  private static final String CURRENT_ELEMENT =
      "http://apache.org/xml/properties/dom/current-element-node";
  private static final String DTD_TYPE = "http://www.w3.org/TR/REC-xml";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";

  private final Schema schema;
  private final String name;
  private final boolean envelopeRootsOnly;
  private final ThreadLocal<Validator> validators;
  private final ThreadLocal<ValidatorHandler> handlers;

  private DuisSchema(Schema schema, String name, boolean envelopeRootsOnly) {
    this.schema = schema;
    this.name = name;
    this.envelopeRootsOnly = envelopeRootsOnly;
    this.validators = ThreadLocal.withInitial(this::newValidator);
    this.handlers = ThreadLocal.withInitial(this::newHandler);
  }

  /** The project's own schema: envelopes, headers and SR 12.1 in both answer forms. */
  public static DuisSchema builtIn() {
    return BuiltIn.INSTANCE;
  }

  private static final class BuiltIn {
    static final DuisSchema INSTANCE = loadBuiltIn();
  }

  private static DuisSchema loadBuiltIn() {
    URL url = DuisSchema.class.getResource(BUILT_IN_RESOURCE);
    if (url == null) {
      throw new IllegalStateException("The built-in DUIS schema is missing from the class path");
    }
    SchemaFactory factory = secureFactory("");
    factory.setResourceResolver(
        (type, namespace, publicId, systemId, baseUri) -> {
          throw new IllegalStateException("The built-in DUIS schema refers to " + systemId);
        });
    try (InputStream in = url.openStream()) {
      return new DuisSchema(
          factory.newSchema(new StreamSource(in, url.toExternalForm())),
          "built-in DUIS schema",
          true);
    } catch (IOException | SAXException e) {
      throw new IllegalStateException(
          "The built-in DUIS schema does not load: " + e.getMessage(), e);
    }
  }

  /**
   * Compiles the XSD at {@code xsd}, for example an official DUIS schema. Imports and includes are
   * resolved only to files in the XSD's directory or below it; any other reference (a web address,
   * a file elsewhere) is refused.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file is not a usable schema, naming the problem
   */
  public static DuisSchema fromFile(Path xsd) throws IOException {
    Objects.requireNonNull(xsd, "xsd");
    Path file = xsd.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new IOException("No schema file at " + file);
    }
    Path dir = file.getParent();
    SchemaFactory factory = secureFactory("file");
    factory.setResourceResolver(new DirectoryResolver(dir));
    try (InputStream in = Files.newInputStream(file)) {
      return new DuisSchema(
          factory.newSchema(new StreamSource(in, file.toUri().toString())), file.toString(), false);
    } catch (SAXException e) {
      throw new IllegalArgumentException("Not a usable schema: " + file + ": " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("Not a usable schema: " + file + ": " + e.getMessage(), e);
    }
  }

  private static SchemaFactory secureFactory(String externalSchemaAccess) {
    SchemaFactory f = SchemaFactory.newDefaultInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, externalSchemaAccess);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException("The XML schema factory cannot be secured", e);
    }
    try {
      // a schema document's DOCTYPE (as in the W3C signature schema) must not fetch its DTD
      f.setFeature(LOAD_EXTERNAL_DTD, false);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      // not offered by this factory: ACCESS_EXTERNAL_DTD still forbids the fetch
    }
    f.setErrorHandler(STRICT);
    return f;
  }

  private static final ErrorHandler STRICT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /** Resolves schema references to files under one directory, refusing anything else. */
  private static final class DirectoryResolver implements LSResourceResolver {
    private final Path dir;

    DirectoryResolver(Path dir) {
      this.dir = dir;
    }

    @Override
    public LSInput resolveResource(
        String type, String namespace, String publicId, String systemId, String baseUri) {
      if (DTD_TYPE.equals(type)) {
        // a schema document's external DTD is never fetched; its internal subset still applies
        return FileInput.empty(systemId, publicId);
      }
      if (systemId == null) {
        return null; // an import without a location loads nothing
      }
      Path target;
      try {
        URI base = baseUri == null ? dir.toUri() : URI.create(baseUri);
        URI resolved = base.resolve(systemId);
        if ("file".equals(resolved.getScheme())) {
          target = Path.of(resolved).toAbsolutePath().normalize();
        } else {
          // never fetched: a web address may stand for a copy of that file beside the schema
          target = localCopy(resolved);
          if (target == null) {
            throw new IllegalStateException(
                "refusing to load "
                    + systemId
                    + ": not a local file (put a copy named as its last path segment beside the"
                    + " schema)");
          }
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("refusing to load " + systemId + ": " + e.getMessage(), e);
      }
      if (!target.startsWith(dir)) {
        throw new IllegalStateException(
            "refusing to load " + systemId + ": outside the schema's directory " + dir);
      }
      if (!Files.isRegularFile(target)) {
        throw new IllegalStateException("no file " + target + " for " + systemId);
      }
      return new FileInput(target, publicId);
    }

    /** The file beside the schema named as the last path segment of {@code uri}, if present. */
    private Path localCopy(URI uri) {
      String path = uri.getPath();
      if (path == null || path.isEmpty() || path.endsWith("/")) {
        return null;
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (name.isEmpty() || name.equals("..") || name.equals(".")) {
        return null;
      }
      Path copy = dir.resolve(name).normalize();
      return copy.getParent().equals(dir) && Files.isRegularFile(copy) ? copy : null;
    }
  }

  private Validator newValidator() {
    Validator v = schema.newValidator();
    try {
      v.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException("The XML validator cannot be secured", e);
    }
    v.setResourceResolver(
        (type, namespace, publicId, systemId, baseUri) -> {
          throw new IllegalStateException("a document may not load schema " + systemId);
        });
    return v;
  }

  private ValidatorHandler newHandler() {
    ValidatorHandler h = schema.newValidatorHandler();
    try {
      h.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      h.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      h.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException("The XML validator cannot be secured", e);
    }
    h.setResourceResolver(
        (type, namespace, publicId, systemId, baseUri) -> {
          throw new IllegalStateException("a document may not load schema " + systemId);
        });
    h.setErrorHandler(FIRST_ERROR_STOPS);
    return h;
  }

  /** Marks, without a stack trace, that the one-pass validation found the document invalid. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Invalid INSTANCE = new Invalid();

    private Invalid() {
      super("invalid", null, false, false);
    }
  }

  /** Stops the parse at the first error; the message is found again by {@link #validate}. */
  private static final ErrorHandler FIRST_ERROR_STOPS =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw new SAXException(Invalid.INSTANCE);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw new SAXException(Invalid.INSTANCE);
        }
      };

  /**
   * Parses {@code bytes} with {@code xml} and validates them against this schema in the same pass:
   * the document is read once, not parsed and then walked again by {@link #validate(Document)}. The
   * result is the same as {@code validate(xml.parse(bytes))}: the same DOM (no schema default
   * attributes or normalised values are added to it), the same hardening and limits, and for an
   * invalid document the same {@link SchemaViolationException}, location and reason included (an
   * invalid document is parsed a second time to name the element where it fails).
   *
   * @throws XmlRejectedException when {@code xml} refuses the document
   * @throws SchemaViolationException when the schema does not allow it
   */
  public Document parseValidated(SecureXml xml, byte[] bytes) {
    Objects.requireNonNull(xml, "xml");
    Objects.requireNonNull(bytes, "bytes");
    ValidatorHandler handler = handlers.get();
    Document document;
    try {
      document = xml.parse(bytes, handler);
    } catch (Invalid e) {
      handlers.remove(); // stopped mid-document; start afresh next time
      // rare and off the fast path: the two-pass check names the element path, as before
      Document again = xml.parse(bytes);
      validate(again);
      return again;
    } catch (RuntimeException e) {
      handlers.remove();
      throw e;
    }
    if (envelopeRootsOnly) {
      checkRoot(document);
    }
    return document;
  }

  /** Where the schema came from: {@code built-in DUIS schema} or the file's path. */
  public String name() {
    return name;
  }

  /**
   * Checks {@code document} against the schema.
   *
   * @throws SchemaViolationException at the first violation, naming the element and the reason
   */
  public void validate(Document document) {
    Objects.requireNonNull(document, "document");
    if (envelopeRootsOnly) {
      checkRoot(document);
    }
    Validator v = validators.get();
    Collector errors = new Collector(v);
    v.setErrorHandler(errors);
    try {
      v.validate(new DOMSource(document));
    } catch (SAXParseException e) {
      throw errors.violation(e);
    } catch (SAXException | IllegalStateException e) {
      throw new SchemaViolationException("/", shortReason(e.getMessage()));
    } catch (IOException e) {
      throw new SchemaViolationException("/", "the document could not be read: " + e.getMessage());
    } finally {
      // no reset(): on JDK 17 it drops the validator's security settings
      v.setErrorHandler(null);
    }
  }

  /** The built-in schema declares body elements too; only the two envelopes are documents. */
  private static void checkRoot(Document document) {
    Element root = document.getDocumentElement();
    if (root == null) {
      throw new SchemaViolationException("/", "the document has no root element");
    }
    String local = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    boolean envelope =
        DUIS_NAMESPACE.equals(root.getNamespaceURI())
            && (local.equals("Request") || local.equals("Response"));
    if (!envelope) {
      String ns = root.getNamespaceURI();
      throw new SchemaViolationException(
          "/" + local,
          "not a DUIS Request or Response (root "
              + local
              + (ns == null ? " in no namespace" : " in namespace " + ns)
              + ")");
    }
  }

  /** Stops at the first error and remembers where the validator was. */
  private static final class Collector implements ErrorHandler {
    private final Validator validator;
    private String path = "/";

    Collector(Validator validator) {
      this.validator = validator;
    }

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      path = currentPath();
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      path = currentPath();
      throw e;
    }

    private String currentPath() {
      try {
        Object node = validator.getProperty(CURRENT_ELEMENT);
        if (node instanceof Element e) {
          return pathOf(e);
        }
      } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
        // this validator does not say where it is
      }
      return "/";
    }

    SchemaViolationException violation(SAXParseException e) {
      String where = e.getLineNumber() > 0 ? "line " + e.getLineNumber() : path;
      return new SchemaViolationException(where, shortReason(e.getMessage()));
    }
  }

  static String pathOf(Element e) {
    Deque<String> names = new ArrayDeque<>();
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      String local = el.getLocalName() == null ? el.getNodeName() : el.getLocalName();
      names.push(local);
    }
    return "/" + String.join("/", names);
  }

  private static String shortReason(String message) {
    if (message == null) {
      return "invalid";
    }
    String m = message.strip();
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  @Override
  public String toString() {
    return "DuisSchema[" + name + "]";
  }
}
