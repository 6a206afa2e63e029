package io.dccsim.benchmarks.codec;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One SR 12.1 exchange as the benchmarks replay it: a test SMKI, a supplier's XML-signing
 * credential, the DCC's response-signing credential, a signed request (the public example address
 * {@code M22 0RR}, {@code Threapwood Road}) and the answers in both forms. Built once per benchmark
 * state; the values are immutable apart from the signers' caches.
 *
 * @param clock the fixed clock the PKI issued by and the responses are dated by
 * @param user the supplier's {@code xmlSign} credential
 * @param dcc the DCC's {@code dspXmlSign} credential
 * @param request the request, before signing
 * @param signedRequest the signed request document's bytes, as a User would post them
 */
public record WanMatrixExchange(
    Clock clock, Credential user, Credential dcc, ServiceRequest request, byte[] signedRequest) {

  /** The supplier sending the request. */
  public static final Eui64 USER_EUI = Eui64.parse("90-B3-D5-1F-30-01-00-00");

  /** The DCC: the target of non-device requests and the signer of responses. */
  public static final Eui64 DCC_EUI = Eui64.parse("90-B3-D5-1F-30-00-00-02");

  /** The instant every benchmark works at: the June 2021 release's go-live morning. */
  public static final Instant NOW = Instant.parse("2021-06-24T09:00:00Z");

  /** Checks every part is present. */
  public WanMatrixExchange {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(dcc, "dcc");
    Objects.requireNonNull(request, "request");
    signedRequest = signedRequest.clone();
  }

  /**
   * A new PKI, credentials and a signed request in {@code requestVersion}.
   *
   * @param requestVersion the request's {@code schemaVersion}; the response form follows it
   */
  public static WanMatrixExchange create(SchemaVersion requestVersion) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TestPki pki = TestPki.create(clock);
    Credential user = pki.xmlSigningCredential(USER_EUI);
    Credential dcc = pki.dspXmlSigningCredential(DCC_EUI);
    ServiceRequest request =
        new ServiceRequest(
            requestVersion,
            new RequestHeader(
                new RequestId(USER_EUI, DCC_EUI, 1_624_521_600_000L),
                CommandVariant.NON_DEVICE,
                ServiceReferenceVariant.REQUEST_WAN_MATRIX),
            RequestWanMatrix.byAddress(
                PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road")));
    DuisCodec codec = new DuisCodec();
    Document document = codec.writeRequest(request);
    new DuisSigner(signing(user)).sign(document);
    return new WanMatrixExchange(clock, user, dcc, request, codec.toBytes(document));
  }

  /** A copy of the signed request's bytes. */
  @Override
  public byte[] signedRequest() {
    return signedRequest.clone();
  }

  /** The signer of the User's requests. */
  public DuisSigner userSigner() {
    return new DuisSigner(signing(user));
  }

  /** The signer of the DCC's responses. */
  public DuisSigner dccSigner() {
    return new DuisSigner(signing(dcc));
  }

  /** The DCC's verifier of requests: it trusts the User's certificate only. */
  public DuisSignatureVerifier requestVerifier() {
    return new DuisSignatureVerifier(CertificateResolver.of(user.certificate()));
  }

  /** The User's verifier of responses: it trusts the DCC's certificate only. */
  public DuisSignatureVerifier responseVerifier() {
    return new DuisSignatureVerifier(CertificateResolver.of(dcc.certificate()));
  }

  /**
   * The DCC's SR 12.1 answer to the request in the form of {@code version}: flat (5.0, 5.1) with
   * one covered Central result, or per region (5.3 on) with Central and 4G Central results. Dated
   * by the clock, so each call builds the header afresh as a server would.
   */
  public ServiceResponse response(SchemaVersion version) {
    RequestWanMatrix echo = (RequestWanMatrix) request.body();
    WanCoverage central =
        new WanCoverage(
            true,
            Optional.of(LocalDate.of(2021, 9, 1)),
            WanTechnology.SPACE,
            ConnectivityLikelihood.HIGH,
            Optional.empty(),
            Optional.of("Coverage expected after the mast upgrade"));
    WanMatrixResponse body =
        version.perRegionWanMatrix()
            ? WanMatrixResponse.perRegion(
                echo,
                List.of(
                    RegionResult.of(CspRegion.CENTRAL, ResponseCode.I0, central),
                    RegionResult.of(
                        CspRegion.CENTRAL_4G,
                        ResponseCode.I0,
                        WanCoverage.of(
                            true, WanTechnology.of("4G"), ConnectivityLikelihood.MEDIUM))))
            : WanMatrixResponse.flat(echo, CspRegion.CENTRAL, central);
    return new ServiceResponse(
        version,
        ResponseHeader.answering(request.header().requestId(), ResponseCode.I0, clock.instant()),
        body);
  }

  private static SigningCredential signing(Credential c) {
    return SigningCredential.of(c.privateKey(), c.certificate());
  }
}
