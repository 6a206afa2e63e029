/** Implementation details of the XML and signature packages; not for use outside this library. */
package io.dccsim.core.xml.internal;
