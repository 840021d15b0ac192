package dev.hedgekit.posthog.internal.http;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.UnauthorizedException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

  @Test
  void unauthorized401FromACloudHostHintsAtTheRegion() {
    String body = "{\"type\":\"authentication_error\",\"code\":\"authentication_failed\",\"detail\":\"Invalid key\"}";
    PostHogApiException e = ApiErrors.fromResponse(401, "GET", "/api/users/@me/", body, null, true, null);
    assertSame(UnauthorizedException.class, e.getClass());
    assertTrue(e.getMessage().startsWith("PostHog answered 401 to GET /api/users/@me/: "
        + "authentication_error/authentication_failed: Invalid key. Check the personal API key."),
        e.getMessage());
    assertTrue(e.getMessage().contains("other PostHog cloud region (US vs EU)"), e.getMessage());
    assertTrue(e.getMessage().contains("subdomain(\"eu\")") && e.getMessage().contains("subdomain(\"us\")"),
        e.getMessage());
  }
}
