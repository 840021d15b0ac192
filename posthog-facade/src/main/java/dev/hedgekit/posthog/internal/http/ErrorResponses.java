package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.errors.ResponseTooLargeException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Feign's {@link ErrorDecoder}: every response that is not a success becomes the matching
 * {@link dev.hedgekit.posthog.errors.PostHogApiException}, its body read (within the size
 * limit) with the API key masked.
 */
final class ErrorResponses implements ErrorDecoder {

  private final Clock clock;
  private final boolean cloud;
  private final SecretScrubber scrubber;

  ErrorResponses(Clock clock, boolean cloud, SecretScrubber scrubber) {
    this.clock = clock;
    this.cloud = cloud;
    this.scrubber = scrubber;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String body = "";
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        body = scrubber.scrub(in.readAllBytes());
      } catch (ResponseTooLargeException e) {
        return e;
      } catch (IOException e) {
        body = "";
      }
    }
    return ApiErrors.fromResponse(response.status(), response.request().httpMethod().name(),
        Urls.pathOf(response.request().url()), body,
        RetryAfter.parse(response.headers(), clock), cloud, Retired.of(response.request()));
  }
}
