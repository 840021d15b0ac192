package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.support.Trees;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.json;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.jsonAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.InsightsApi.InsightsListQuery;
import dev.hedgekit.posthog.generated.api.InsightsApi.InsightsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.Insight;
import dev.hedgekit.posthog.generated.model.PatchedInsight;
import dev.hedgekit.posthog.generated.model.SharingConfiguration;
import dev.hedgekit.posthog.internal.json.Json;
import dev.hedgekit.posthog.pagination.Page;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InsightsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/insights/";
  private static final String QUERY =
      "{'kind':'InsightVizNode','source':{'kind':'TrendsQuery','series':[{'kind':'EventsNode','event':'$pageview'}]}}";

  private PostHogClient client;
  private Insights insights;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    insights = client.project(42).insights();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createGetUpdateListAndSoftDelete() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201,
        "{'id':21,'short_id':'aBc12','name':'Pageviews','saved':true,'query':" + QUERY + ",'dashboards':[]}")));
    wm.stubFor(get(urlEqualTo(BASE + "21/")).willReturn(jsonAnswer(200,
        "{'id':21,'short_id':'aBc12','name':'Pageviews','dashboards':[12],'favorited':false}")));
    wm.stubFor(patch(urlEqualTo(BASE + "21/")).willReturn(jsonAnswer(200,
        "{'id':21,'name':'Daily pageviews','favorited':true}")));
    wm.stubFor(get(urlEqualTo(BASE + "?basic=true&limit=2&short_id=aBc12")).willReturn(jsonAnswer(200,
        "{'count':1,'next':null,'previous':null,'results':[{'id':21,'short_id':'aBc12'}]}")));

    Insight created = insights.create(new Insight().name("Pageviews").saved(true)
        .query(Trees.json(parse(QUERY))));
    assertEquals(21, created.getId());
    assertEquals("aBc12", created.getShortId());
    assertEquals("InsightVizNode", created.getQuery().get("kind").asText());
    wm.verify(postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json(
        "{'name':'Pageviews','saved':true,'query':" + QUERY + "}"))));

    Insight read = insights.get(21);
    assertEquals(List.of(12L), read.getDashboards());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "21/")));

    Insight changed = insights.update(21, new PatchedInsight().name("Daily pageviews").favorited(true));
    assertEquals(Boolean.TRUE, changed.getFavorited());
    wm.verify(patchRequestedFor(urlEqualTo(BASE + "21/"))
        .withRequestBody(equalToJson(json("{'name':'Daily pageviews','favorited':true}"))));

    Page<Insight> page = insights.list(new InsightsListQuery().basic(true).limit(2L).shortId("aBc12"));
    assertEquals(21, page.results().get(0).getId());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?basic=true&limit=2&short_id=aBc12")));

    wm.resetRequests();
    wm.stubFor(patch(urlEqualTo(BASE + "21/")).willReturn(jsonAnswer(200, "{'id':21,'deleted':true}")));
    assertEquals(Boolean.TRUE, insights.delete(21).getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "21/")).withRequestBody(equalToJson(json("{'deleted':true}"))));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void getWithRefreshAndFromDashboardSendsTheQuery() {
    wm.stubFor(get(urlEqualTo(BASE + "21/?from_dashboard=12&refresh=blocking")).willReturn(jsonAnswer(200,
        "{'id':21,'last_refresh':'2024-05-01T10:00:00Z'}")));

    Insight fresh = insights.get(21, new InsightsRetrieveQuery().fromDashboard(12L).refresh("blocking"));

    assertEquals(java.time.OffsetDateTime.parse("2024-05-01T10:00:00Z"), fresh.getLastRefresh());
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "21/?from_dashboard=12&refresh=blocking")));
  }

  @Test
  void sharingIsOneObject() {
    wm.stubFor(get(urlEqualTo(BASE + "21/sharing/")).willReturn(jsonAnswer(200,
        "{'enabled':false,'access_token':'t0k','password_required':false}")));

    SharingConfiguration sharing = insights.sharing(21);

    assertEquals(Boolean.FALSE, sharing.getEnabled());
    assertEquals("t0k", sharing.getAccessToken());
  }

  @Test
  void anInsightIsAlsoReadAndChangedByItsShortId() {
    wm.stubFor(get(urlEqualTo(BASE + "aBcD1234/")).willReturn(jsonAnswer(200,
        "{'id':21,'short_id':'aBcD1234','name':'Pageviews'}")));
    wm.stubFor(patch(urlEqualTo(BASE + "aBcD1234/")).willReturn(jsonAnswer(200,
        "{'id':21,'short_id':'aBcD1234','deleted':true}")));

    assertEquals(21L, insights.get("aBcD1234").getId());
    assertEquals(Boolean.TRUE, insights.delete("aBcD1234").getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "aBcD1234/"))
        .withRequestBody(equalToJson(json("{'deleted':true}"))));
  }

  @Test
  void cancelSendsTheClientQueryId() {
    wm.stubFor(post(urlEqualTo(BASE + "cancel/")).willReturn(aResponse().withStatus(201)));

    insights.cancel("q-123");

    wm.verify(1, postRequestedFor(urlEqualTo(BASE + "cancel/"))
        .withRequestBody(equalToJson(json("{'client_query_id':'q-123'}"))));
  }

  @Test
  void activityIsAPage() {
    wm.stubFor(get(urlEqualTo(BASE + "21/activity/")).willReturn(jsonAnswer(200,
        "{'results':[{'activity':'updated','scope':'Insight','item_id':'21'}],'next':null,'previous':null}")));

    assertEquals("21", insights.activity(21).results().get(0).getItemId());
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> insights.create(null));
    assertThrows(NullPointerException.class, () -> insights.update(21, null));
    assertThrows(NullPointerException.class, () -> insights.get(21, null));
    assertThrows(NullPointerException.class, () -> insights.cancel(null));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String singleQuoted) {
    try {
      return Json.mapper().readValue(json(singleQuoted), Map.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
