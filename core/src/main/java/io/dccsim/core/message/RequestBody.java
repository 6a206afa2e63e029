package io.dccsim.core.message;

/** What a Service Request's {@code Body} holds: a typed request, or raw XML for other requests. */
public sealed interface RequestBody permits RequestWanMatrix, RawRequestBody {}
