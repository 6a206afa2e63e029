package io.dccsim.core.codec;

import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.xml.SecureXml;
import java.util.List;
import java.util.function.IntConsumer;
import org.w3c.dom.Document;

/**
 * A rough single-thread measurement of the codec, for the documentation (not a test, and not a
 * replacement for the JMH benchmarks). Run after {@code mvn -pl core test-compile}:
 *
 * <pre>java -cp core/target/classes:core/target/test-classes io.dccsim.core.codec.CodecThroughput
 * </pre>
 */
public final class CodecThroughput {
  private CodecThroughput() {}

  public static void main(String[] args) {
    DuisCodec codec = new DuisCodec();
    DuisSchema schema = DuisSchema.builtIn();
    SecureXml xml = SecureXml.withDefaults();
    ServiceRequest request = DuisCodecTest.wanMatrixRequest(SchemaVersion.V5_1);
    byte[] requestBytes = codec.toBytes(codec.writeRequest(request));
    Document parsed = xml.parse(requestBytes);
    ServiceResponse flat =
        new ServiceResponse(
            SchemaVersion.V5_1,
            ResponseHeader.answering(DuisCodecTest.ID, ResponseCode.I0, DuisCodecTest.WHEN),
            WanMatrixResponse.flat(
                DuisCodecTest.threapwoodRoad(), CspRegion.SOUTH, DuisCodecTest.coverage(" ")));
    ServiceResponse perRegion =
        new ServiceResponse(
            SchemaVersion.V5_4,
            ResponseHeader.answering(DuisCodecTest.ID, ResponseCode.I0, DuisCodecTest.WHEN),
            WanMatrixResponse.perRegion(
                DuisCodecTest.threapwoodRoad(),
                List.of(
                    RegionResult.of(CspRegion.SOUTH, ResponseCode.I0, DuisCodecTest.coverage(" ")),
                    RegionResult.of(
                        CspRegion.SOUTH_4G, ResponseCode.I0, DuisCodecTest.coverage("4G")))));
    System.out.println("SR 12.1 request: " + requestBytes.length + " bytes");
    run("readRequest (DOM already parsed)", i -> codec.readRequest(parsed));
    run("parse + readRequest", i -> codec.readRequest(xml.parse(requestBytes)));
    run(
        "parse + validate + readRequest",
        i -> {
          Document d = xml.parse(requestBytes);
          schema.validate(d);
          codec.readRequest(d);
        });
    Document flatDoc = codec.writeResponse(flat);
    run("writeResponse (flat)", i -> codec.writeResponse(flat));
    run("toBytes (flat)", i -> codec.toBytes(flatDoc));
    run("writeResponse + toBytes (flat)", i -> codec.toBytes(codec.writeResponse(flat)));
    run("writeResponse + toBytes (2 regions)", i -> codec.toBytes(codec.writeResponse(perRegion)));
    System.out.println("(load average at the end: " + loadAverage() + ")");
  }

  private static String loadAverage() {
    return String.format(
        "%.1f on %d processors",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void run(String name, IntConsumer work) {
    for (int i = 0; i < 20_000; i++) {
      work.accept(i);
    }
    int n = 50_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      work.accept(i);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-40s %,10.0f /s  %6.1f us each%n", name, n / seconds, seconds * 1e6 / n);
  }
}
