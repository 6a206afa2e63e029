package io.dccsim.core.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3c.dom.ls.LSInput;

/**
 * A schema document read from a local file, handed to the schema compiler; or an empty stand-in for
 * an external DTD that must not be fetched.
 */
final class FileInput implements LSInput {
  private final Path file;
  private final String systemId;
  private String publicId;

  FileInput(Path file, String publicId) {
    this.file = file;
    this.systemId = file.toUri().toString();
    this.publicId = publicId;
  }

  private FileInput(String systemId, String publicId) {
    this.file = null;
    this.systemId = systemId;
    this.publicId = publicId;
  }

  /** An empty input standing for {@code systemId}. */
  static FileInput empty(String systemId, String publicId) {
    return new FileInput(systemId, publicId);
  }

  @Override
  public InputStream getByteStream() {
    if (file == null) {
      return new ByteArrayInputStream(new byte[0]);
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema " + file, e);
    }
  }

  @Override
  public String getSystemId() {
    return systemId;
  }

  @Override
  public String getPublicId() {
    return publicId;
  }

  @Override
  public String getBaseURI() {
    return systemId;
  }

  @Override
  public Reader getCharacterStream() {
    return null;
  }

  @Override
  public String getStringData() {
    return null;
  }

  @Override
  public String getEncoding() {
    return null;
  }

  @Override
  public boolean getCertifiedText() {
    return false;
  }

  @Override
  public void setCharacterStream(Reader characterStream) {}

  @Override
  public void setByteStream(InputStream byteStream) {}

  @Override
  public void setStringData(String stringData) {}

  @Override
  public void setSystemId(String systemId) {}

  @Override
  public void setPublicId(String publicId) {
    this.publicId = publicId;
  }

  @Override
  public void setBaseURI(String baseUri) {}

  @Override
  public void setEncoding(String encoding) {}

  @Override
  public void setCertifiedText(boolean certifiedText) {}
}
