package io.dccsim.core.codec;

/** The XML names DUIS documents use. */
public final class DuisXml {
  /** The DUIS namespace. */
  public static final String NAMESPACE = "http://www.dccinterface.co.uk/ServiceUserGateway";

  /** The prefix this library writes for {@link #NAMESPACE}. */
  public static final String PREFIX = "sr";

  /** The W3C XML Signature namespace of the enveloped {@code ds:Signature}. */
  public static final String DSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

  /** The root of a Service Request. */
  public static final String REQUEST = "Request";

  /** The root of a Service Response. */
  public static final String RESPONSE = "Response";

  /** The root attribute holding the schema version. */
  public static final String SCHEMA_VERSION = "schemaVersion";

  private DuisXml() {}
}
