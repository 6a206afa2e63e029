package io.dccsim.sim.control;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the control API's route table: a method, a path template such as {@code
 * /control/scenarios/{id}}, and what answers it. The API's own routes are built this way; more can
 * be given to {@link ControlApi#ControlApi(ControlledSimulator, BearerToken, java.util.List)} (and
 * {@link ControlServer}) to extend it. A handler may throw {@link IllegalArgumentException} for a
 * client's mistake: it is answered 400 with its message.
 *
 * @param method an HTTP method, upper case
 * @param path the template: {@code /}-separated segments, a segment {@code {name}} matching any one
 *     segment (handed to the handler by name)
 * @param handler what answers a matching request
 */
public record ControlRoute(String method, String path, Handler handler) {

  /** Answers one request that matched the route. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Answers.
     *
     * @param pathParameters the values of the template's {@code {name}} segments, decoded
     * @param query the query parameters (each given once)
     * @param body the request body, possibly empty
     */
    ControlResponse handle(
        Map<String, String> pathParameters, Map<String, String> query, byte[] body);
  }

  /** Validates the template. */
  public ControlRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    method = method.toUpperCase(Locale.ROOT);
    if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      throw new IllegalArgumentException("A route path starts with '/' and has no empty segment");
    }
  }

  /** A route answering {@code method path} with {@code handler}. */
  public static ControlRoute of(String method, String path, Handler handler) {
    return new ControlRoute(method, path, handler);
  }

  /** The template's segments. */
  String[] segments() {
    return path.substring(1).split("/");
  }

  /** {@code "GET /control/clock"}. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
