package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.errors.ApiErrors;
import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Feign's {@link ErrorDecoder}: every non-2xx answer becomes the matching
 * {@link dev.hedgekit.posthog.errors.PostHogApiException}.
 */
final class ApiErrorDecoder implements ErrorDecoder {

  private final Clock clock;
  private final boolean cloud;

  ApiErrorDecoder(Clock clock, boolean cloud) {
    this.clock = clock;
    this.cloud = cloud;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    return toException(response, clock, cloud);
  }

  static RuntimeException toException(Response response, Clock clock, boolean cloud) {
    byte[] body = new byte[0];
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        body = Util.toByteArray(in);
      } catch (IOException e) {
        body = new byte[0];
      }
    }
    return ApiErrors.fromResponse(response.status(), response.request().httpMethod().name(),
        RetryingClient.pathOf(response.request().url()), body,
        RetryAfter.parse(response.headers(), clock), cloud);
  }
}
