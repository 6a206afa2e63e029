/**
 * Hardened XML: {@link io.dccsim.core.xml.SecureXml} parses bytes into a DOM, refusing document
 * type declarations and enforcing {@link io.dccsim.core.xml.XmlLimits} while it reads; {@link
 * io.dccsim.core.xml.XmlWriter} writes a DOM back as UTF-8 without changing its canonical form.
 */
package io.dccsim.core.xml;
