package io.dccsim.sim.service;

import io.dccsim.core.message.NoBody;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.Fields;
import java.util.Base64;

/**
 * SR 8.13 Return Local Command Response: a User hands back the GBCS response a device gave to a
 * command delivered locally (command variant 2, 3, 6 or 7). The simulator acknowledges it with
 * {@code I0}; reading the GBCS inside comes with the GBCS codec.
 *
 * <p>An {@code OriginalRequestID} whose originator is not the requesting User is {@code E081301}; a
 * {@code DeviceGBCSResponse} that does not start as a GBCS message does (General-Ciphering {@code
 * DD}, General-Signing {@code DF}, or a DLMS Access-Response {@code DA}) is {@code E081302}.
 */
public final class LocalCommandResponseService implements ServiceHandler {
  /** SR 8.13. */
  public static final ServiceReferenceVariant VARIANT = ServiceReferenceVariant.parse("8.13");

  @Override
  public ServiceReferenceVariant variant() {
    return VARIANT;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), "8.13", "ReturnLocalCommandResponse");
    RequestId original;
    try {
      original = RequestId.parse(body.required("OriginalRequestID"));
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("OriginalRequestID is not a Request ID");
    }
    if (!original.originator().equals(request.requestId().originator())) {
      return new ServiceAnswer(ResponseCode.E081301, NoBody.INSTANCE);
    }
    byte[] gbcs;
    try {
      gbcs = Base64.getMimeDecoder().decode(body.required("DeviceGBCSResponse"));
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("DeviceGBCSResponse is not base64");
    }
    if (gbcs.length < 2 || !startsAsGbcs(gbcs[0] & 0xFF)) {
      return new ServiceAnswer(ResponseCode.E081302, NoBody.INSTANCE);
    }
    return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
  }

  private static boolean startsAsGbcs(int first) {
    return first == 0xDD || first == 0xDF || first == 0xDA;
  }
}
