package dev.hedgekit.posthog.core;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.POJONode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogEncodeException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Views made by {@code withOptions} apply their options to every way of calling (typed
 * resources, generated interfaces, the toolkit) and live and die with their client, never the
 * other way round; and every failure of a call reaches the caller as a PostHog exception.
 */
class ViewsAndFailuresTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = "/api/projects/1/feature_flags/7/";
  private static final String FLAGS = "/api/projects/1/feature_flags/";
  private static final RequestOptions TAGGED = RequestOptions.builder()
      .header("X-Team", "growth").build();

  private PostHogClient client() {
    return TestClients.builder(wm, new RecordingSleeper()).build();
  }

  @Test
  void aViewsOptionsReachTheGeneratedInterfaceTheResourcesAndTheToolkit() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson("{\"id\":7,\"key\":\"beta\"}")));
    try (PostHogClient base = client()) {
      PostHogClient view = base.withOptions(TAGGED);
      assertEquals("beta", view.generated(FeatureFlagsApi.class).featureFlagsRetrieve("1", 7L).getKey());
      assertEquals("beta", view.project(1).featureFlags().get(7).getKey());
      ToolResult r = view.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "1", "id", 7));
      assertTrue(r.successful(), r::toJsonString);
      wm.verify(3, getRequestedFor(urlEqualTo(FLAG)).withHeader("X-Team", equalTo("growth")));
      // The base client is untouched by its view.
      base.generated(FeatureFlagsApi.class).featureFlagsRetrieve("1", 7L);
      base.project(1).featureFlags().get(7);
      wm.verify(2, getRequestedFor(urlEqualTo(FLAG)).withoutHeader("X-Team"));
    }
  }

  @Test
  void closingAViewLeavesTheClientWorkingAndClosingTheClientEndsItsViews() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson("{\"id\":7,\"key\":\"beta\"}")));
    PostHogClient base = client();
    PostHogClient view = base.withOptions(TAGGED);
    view.close();
    assertEquals("beta", base.project(1).featureFlags().get(7).getKey());
    assertEquals("beta", view.project(1).featureFlags().get(7).getKey(), "a closed view still works");
    base.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> view.project(1).featureFlags().get(7));
    assertEquals("this PostHogClient is closed", e.getMessage());
    assertThrows(IllegalStateException.class, () -> base.generated(FeatureFlagsApi.class));
  }

  /** A value Jackson cannot write: its getter throws. */
  public static final class Unwritable {
    public String getValue() {
      throw new IllegalStateException("no value today");
    }
  }

  @Test
  void aBodyThatCannotBeWrittenIsAPostHogExceptionAndNothingIsSent() {
    try (PostHogClient client = client()) {
      FeatureFlag flag = new FeatureFlag().key("k").filters(new POJONode(new Unwritable()));
      PostHogEncodeException e = assertThrows(PostHogEncodeException.class,
          () -> client.generated(FeatureFlagsApi.class).featureFlagsCreate("1", flag));
      assertTrue(e.getMessage().contains("could not be written as JSON"), e.getMessage());
      assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
      PostHogEncodeException typed = assertThrows(PostHogEncodeException.class,
          () -> client.project(1).featureFlags().create(flag));
      assertInstanceOf(PostHogException.class, typed);
      ToolResult r = client.toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT",
          Map.of("project_id", "1", "key", "k", "filters", new Unwritable()));
      assertFalse(r.successful());
    }
    assertEquals(0, wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlEqualTo(FLAGS))).size());
  }

  @Test
  void aResponseThatCannotBeDecodedIsAPostHogException() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson("[1, 2, 3]")));
    wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(okJson("<html>not json</html>")));
    try (PostHogClient client = client()) {
      PostHogDecodeException shape = assertThrows(PostHogDecodeException.class,
          () -> client.generated(FeatureFlagsApi.class).featureFlagsRetrieve("1", 7L));
      assertEquals(200, shape.status());
      PostHogDecodeException text = assertThrows(PostHogDecodeException.class,
          () -> client.project(1).featureFlags().create(new FeatureFlag().key("k")));
      assertTrue(text.getMessage().contains("<html>not json</html>"), text.getMessage());
      for (Throwable t = text; t != null; t = t.getCause()) {
        assertFalse(t.getClass().getName().startsWith("feign."), "Feign type in the chain: " + t);
      }
    }
  }
}
