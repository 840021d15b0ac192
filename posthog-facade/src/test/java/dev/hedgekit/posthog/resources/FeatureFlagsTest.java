package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.support.Trees;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PatchedFeatureFlagPartialUpdateRequestSchema;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A typed round trip through {@link FeatureFlags}: exact requests out, typed values in. */
class FeatureFlagsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAGS = "/api/projects/1/feature_flags/";
  private static final String FLAG_7 = FLAGS + "7/";
  private static final String FLAG_JSON = "{\"id\":7,\"key\":\"new-onboarding\",\"name\":\"New onboarding\","
      + "\"active\":true,\"deleted\":false,\"version\":3,\"created_at\":\"2025-03-04T05:06:07Z\","
      + "\"filters\":{\"groups\":[{\"properties\":[],\"rollout_percentage\":50}]},"
      + "\"tags\":[\"growth\"],\"some_new_field\":{\"ignored\":true}}";

  private PostHogClient client;
  private FeatureFlags flags;

  @BeforeEach
  void setUp() {
    client = PostHogClient.builder().apiKey("phx_test").baseUrl(wm.baseUrl()).maxRetries(0).build();
    flags = client.project(1).featureFlags();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createSendsTheFlagAndDecodesTheAnswer() {
    wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(okJson(FLAG_JSON).withStatus(201)));

    FeatureFlag created = flags.create(new FeatureFlag().key("new-onboarding").name("New onboarding")
        .filters(Trees.json(Map.of("groups", List.of(Map.of("properties", List.of(), "rollout_percentage", 50))))));

    assertEquals(7, created.getId());
    assertEquals(3, created.getVersion());
    assertEquals(2025, created.getCreatedAt().getYear());
    assertEquals(Trees.json(List.of("growth")), Trees.json(created.getTags()));
    wm.verify(1, postRequestedFor(urlEqualTo(FLAGS)).withRequestBody(equalToJson(
        "{\"key\":\"new-onboarding\",\"name\":\"New onboarding\","
            + "\"filters\":{\"groups\":[{\"properties\":[],\"rollout_percentage\":50}]}}")));
  }

  @Test
  void getDecodesTheTypedFlag() {
    wm.stubFor(get(urlEqualTo(FLAG_7)).willReturn(okJson(FLAG_JSON)));

    FeatureFlag flag = flags.get(7);

    assertEquals("new-onboarding", flag.getKey());
    assertEquals(Boolean.TRUE, flag.getActive());
    assertEquals(Boolean.FALSE, flag.getDeleted());
    assertEquals(Trees.json(List.of(Map.of("properties", List.of(), "rollout_percentage", 50))),
        flag.getFilters().get("groups"));
    wm.verify(1, getRequestedFor(urlEqualTo(FLAG_7)));
  }

  @Test
  void updateSendsOnlyTheChangedFieldsWithPatch() {
    wm.stubFor(patch(urlEqualTo(FLAG_7)).willReturn(okJson(FLAG_JSON.replace("\"active\":true", "\"active\":false"))));

    FeatureFlag updated = flags.update(7, new PatchedFeatureFlagPartialUpdateRequestSchema().active(false).name("Onboarding v2"));

    assertEquals(Boolean.FALSE, updated.getActive());
    wm.verify(1, patchRequestedFor(urlEqualTo(FLAG_7))
        .withRequestBody(equalToJson("{\"active\":false,\"name\":\"Onboarding v2\"}")));
  }

  @Test
  void listSendsTheQueryParametersAndDecodesThePage() {
    wm.stubFor(get(urlPathEqualTo(FLAGS)).willReturn(okJson("{\"count\":31,"
        + "\"next\":\"" + wm.baseUrl() + FLAGS + "?limit=10&offset=30\",\"previous\":null,"
        + "\"results\":[" + FLAG_JSON + "]}")));

    Page<FeatureFlag> page = flags.list(new FeatureFlagsListQuery()
        .search("onboarding & more").active("true").limit(10L).offset(20L));

    assertEquals(OptionalLong.of(31), page.count());
    assertEquals(1, page.results().size());
    assertEquals("new-onboarding", page.results().get(0).getKey());
    wm.verify(1, getRequestedFor(urlEqualTo(
        FLAGS + "?active=true&limit=10&offset=20&search=onboarding%20%26%20more")));
  }

  @Test
  void listWithoutParametersSendsNoQueryString() {
    wm.stubFor(get(urlPathEqualTo(FLAGS)).willReturn(okJson(
        "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")));

    assertEquals(List.of(), flags.list().results());
    wm.verify(1, getRequestedFor(urlEqualTo(FLAGS)));
  }

  @Test
  void deleteIsASoftDeleteThroughPatch() {
    wm.stubFor(patch(urlEqualTo(FLAG_7)).willReturn(okJson(FLAG_JSON.replace("\"deleted\":false", "\"deleted\":true"))));

    FeatureFlag deleted = flags.delete(7);

    assertEquals(Boolean.TRUE, deleted.getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(FLAG_7)).withRequestBody(equalToJson("{\"deleted\":true}")));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> flags.create(null));
    assertThrows(NullPointerException.class, () -> flags.update(7, null));
    assertThrows(NullPointerException.class, () -> flags.list(null));
    assertThrows(IllegalArgumentException.class, () -> client.project("").featureFlags());
    assertFalse(wm.findAll(getRequestedFor(anyUrl())).size() > 0);
  }
}
