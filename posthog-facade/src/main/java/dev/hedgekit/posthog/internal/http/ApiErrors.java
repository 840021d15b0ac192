package dev.hedgekit.posthog.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.errors.ApiErrorInfo;
import dev.hedgekit.posthog.errors.BadRequestException;
import dev.hedgekit.posthog.errors.ErrorDetail;
import dev.hedgekit.posthog.errors.ForbiddenException;
import dev.hedgekit.posthog.errors.MethodNotAllowedException;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.RateLimitedException;
import dev.hedgekit.posthog.errors.ServerErrorException;
import dev.hedgekit.posthog.errors.UnauthorizedException;
import dev.hedgekit.posthog.errors.UnexpectedStatusException;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a failed response (status and body) into the matching {@link PostHogApiException}.
 * Text from the body is cleaned of control characters and cut short in the message; the whole
 * body stays available as {@link PostHogApiException#body()}.
 */
final class ApiErrors {

    private ApiErrors() {
  }

  /**
   * Builds the exception for a non-success answer.
   *
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path and query (never the host or headers)
   * @param body the response body as text (the key already masked), possibly empty
   * @param retryAfter the wait PostHog asked for, or null
   * @param cloudHost whether the request went to a PostHog cloud host (adds the region hint to 401)
   * @param retired the operation's record when PostHog retired it, or null
   * @return the exception to throw
   */
  static PostHogApiException fromResponse(int status, String method, String path,
      String body, Duration retryAfter, boolean cloudHost, Retired retired) {
    ApiErrorInfo info = decode(status, method, path, body);
    if (retired != null && (status == 404 || status == 405 || status == 410)) {
      return status == 405 ? new MethodNotAllowedException(info, retired.hint())
          : new NotFoundException(info, retired.hint());
    }
    switch (status) {
      case 400:
      case 422:
        return new BadRequestException(info, null);
      case 401:
        return new UnauthorizedException(info, cloudHost
            ? "Check the personal API key. A key from the other PostHog cloud region (US vs EU)"
                + " gets this same answer: use subdomain(\"eu\") for keys made on eu.posthog.com"
                + " and subdomain(\"us\") for us.posthog.com"
            : "Check the personal API key");
      case 403:
        return new ForbiddenException(info,
            "The key lacks a scope or access needed here; personal API keys are scoped per"
                + " organization and project");
      case 404:
        return new NotFoundException(info, null);
      case 405:
        return new MethodNotAllowedException(info, "DELETE".equals(method)
            ? "This resource cannot be hard deleted; soft delete it with a PATCH setting deleted=true"
            : null);
      case 429:
        return new RateLimitedException(info, retryAfter == null ? null
            : "PostHog asked to retry after " + retryAfter.toSeconds() + " s", retryAfter);
      default:
        if (status == 512) {
          return new ServerErrorException(info,
              "PostHog estimated this query would run too long; narrow the date range or filters");
        }
        if (status >= 500 && status <= 599) {
          return new ServerErrorException(info, null);
        }
        return new UnexpectedStatusException(info, null);
    }
  }

  static ApiErrorInfo decode(int status, String method, String path, String body) {
    List<ErrorDetail> errors = new ArrayList<>();
    ErrorDetail top = new ErrorDetail(null, null, null, null);
    String excerpt = null;
    JsonNode root = parse(body);
    if (root != null && root.isObject() && hasErrorShape(root)) {
      top = detailOf(root);
      JsonNode list = root.get("list");
      if (list != null && list.isArray()) {
        for (JsonNode item : list) {
          if (item.isObject()) {
            errors.add(detailOf(item));
          }
        }
      }
    } else if (root != null && root.isObject() && root.size() > 0) {
      // Plain field -> messages map, as some endpoints answer validation errors.
      Iterator<Map.Entry<String, JsonNode>> fields = root.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String message = f.getValue().isArray() && f.getValue().size() > 0
            ? joinText(f.getValue()) : f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
        errors.add(new ErrorDetail("validation_error", null, Messages.clean(message),
            Messages.clean(f.getKey())));
      }
      top = errors.size() == 1 ? errors.get(0) : new ErrorDetail("multiple", null, null, null);
    } else if (body != null && !body.isEmpty()) {
      excerpt = Messages.clean(body.strip());
    }
    if (errors.isEmpty()) {
      errors.add(top);
    }
    return ApiErrorInfo.of(status, method, path, top, errors, excerpt, body);
  }

  private static boolean hasErrorShape(JsonNode root) {
    return root.has("type") || root.has("detail") || root.has("code");
  }

  private static ErrorDetail detailOf(JsonNode node) {
    return new ErrorDetail(Messages.clean(text(node, "type")), Messages.clean(text(node, "code")),
        Messages.clean(text(node, "detail")), Messages.clean(text(node, "attr")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String joinText(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode n : array) {
      sb.append(sb.length() == 0 ? "" : " ").append(n.isValueNode() ? n.asText() : n.toString());
    }
    return sb.toString();
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
