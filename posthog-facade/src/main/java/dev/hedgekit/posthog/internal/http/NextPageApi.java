package dev.hedgekit.posthog.http;

import feign.RequestLine;
import feign.Response;
import java.net.URI;

/**
 * Follows a pagination link: PostHog's {@code next}/{@code previous} are absolute URLs. The
 * caller checks that the URL points at the configured host before calling.
 */
interface NextPageApi {

  @RequestLine("GET")
  Response get(URI url);
}
