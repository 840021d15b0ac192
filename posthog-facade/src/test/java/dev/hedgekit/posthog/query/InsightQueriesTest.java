package dev.hedgekit.posthog.query;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.support.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The query nodes that replace PostHog's legacy insight and persons endpoints: each is run
 * through {@link Query#run(JsonNode)}, and the exact JSON body that reaches
 * {@code POST /api/projects/{id}/query/} is checked.
 */
class InsightQueriesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String QUERY = "/api/projects/7/query/";

  private PostHogClient client;
  private Query query;

  @BeforeEach
  void setUp() {
    client = PostHogClient.builder().apiKey("phx_test").baseUrl(wm.baseUrl()).maxRetries(0)
        .build();
    query = client.project(7).query();
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"results\":[],\"is_cached\":false}")));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** Asserts that one query was sent, blocking, with exactly this node (quotes written as '). */
  private static void sent(String node) {
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(equalToJson(
        "{\"query\":" + node.replace('\'', '"') + ",\"refresh\":\"blocking\"}")));
  }

  @Test
  void trends() {
    ObjectNode dau = QueryNodes.action(12).put("math", "dau");
    JsonNode browserIsChrome = Trees.json(List.of(Map.of("type", "event", "key", "$browser",
        "operator", "exact", "value", List.of("Chrome"))));

    query.run(InsightQueries.trends(QueryNodes.event("$pageview"), dau)
        .interval("week").dateRange("-30d", null).breakdown("event", "$os").compare(true)
        .display("ActionsLineGraph").formula("A / B").filterTestAccounts(true)
        .properties(browserIsChrome).build());

    sent("{'kind':'TrendsQuery',"
        + "'series':[{'kind':'EventsNode','event':'$pageview'},{'kind':'ActionsNode','id':12,'math':'dau'}],"
        + "'interval':'week','dateRange':{'date_from':'-30d'},"
        + "'breakdownFilter':{'breakdown_type':'event','breakdown':'$os'},"
        + "'compareFilter':{'compare':true},"
        + "'trendsFilter':{'display':'ActionsLineGraph','formula':'A / B'},"
        + "'filterTestAccounts':true,"
        + "'properties':[{'type':'event','key':'$browser','operator':'exact','value':['Chrome']}]}");
  }

  @Test
  void funnels() {
    query.run(InsightQueries.funnels(QueryNodes.event("signed_up"), QueryNodes.event("paid"))
        .window(7, "day").order("strict").vizType("steps").breakdown("person", "plan")
        .dateRange("2026-04-01", "2026-04-30").build());

    sent("{'kind':'FunnelsQuery',"
        + "'series':[{'kind':'EventsNode','event':'signed_up'},{'kind':'EventsNode','event':'paid'}],"
        + "'funnelsFilter':{'funnelWindowInterval':7,'funnelWindowIntervalUnit':'day',"
        + "'funnelOrderType':'strict','funnelVizType':'steps'},"
        + "'breakdownFilter':{'breakdown_type':'person','breakdown':'plan'},"
        + "'dateRange':{'date_from':'2026-04-01','date_to':'2026-04-30'}}");
  }

  @Test
  void retention() {
    query.run(InsightQueries.retention("signed_up", "$pageview").period("Week")
        .totalIntervals(6).retentionType("retention_first_time").build());

    sent("{'kind':'RetentionQuery','retentionFilter':{"
        + "'targetEntity':{'id':'signed_up','type':'events','name':'signed_up'},"
        + "'returningEntity':{'id':'$pageview','type':'events','name':'$pageview'},"
        + "'period':'Week','totalIntervals':6,'retentionType':'retention_first_time'}}");
  }

  @Test
  void retentionOfAnAction() {
    query.run(InsightQueries.retention(InsightQueries.retentionAction(12),
        InsightQueries.retentionEvent("$pageview")).build());

    sent("{'kind':'RetentionQuery','retentionFilter':{"
        + "'targetEntity':{'id':12,'type':'actions'},"
        + "'returningEntity':{'id':'$pageview','type':'events','name':'$pageview'}}}");
  }

  @Test
  void lifecycle() {
    query.run(InsightQueries.lifecycle(QueryNodes.event("$pageview")).interval("day")
        .dateRange("-14d", "-1d").toggledLifecycles("new", "dormant").build());

    sent("{'kind':'LifecycleQuery','series':[{'kind':'EventsNode','event':'$pageview'}],"
        + "'interval':'day','dateRange':{'date_from':'-14d','date_to':'-1d'},"
        + "'lifecycleFilter':{'toggledLifecycles':['new','dormant']}}");
  }

  @Test
  void stickiness() {
    query.run(InsightQueries.stickiness(QueryNodes.allEvents()).interval("week")
        .intervalCount(2).compare(false).build());

    sent("{'kind':'StickinessQuery','series':[{'kind':'EventsNode','event':null}],"
        + "'interval':'week','intervalCount':2,'compareFilter':{'compare':false}}");
  }

  @Test
  void paths() {
    query.run(InsightQueries.paths().includeEventTypes("$pageview", "custom_event")
        .startPoint("/pricing").endPoint("/checkout").stepLimit(4).excludeEvents("/login")
        .build());

    sent("{'kind':'PathsQuery','pathsFilter':{'includeEventTypes':['$pageview','custom_event'],"
        + "'startPoint':'/pricing','endPoint':'/checkout','stepLimit':4,'excludeEvents':['/login']}}");
  }

  @Test
  void pathsWithoutOptionsStillSendTheFilterPostHogRequires() {
    query.run(InsightQueries.paths().build());

    sent("{'kind':'PathsQuery','pathsFilter':{}}");
  }

  @Test
  void theActorsBehindATrendsDataPoint() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"results\":[[{\"id\":\"p1\"},3]],"
        + "\"columns\":[\"actor\",\"event_count\"],\"hasMore\":false,\"limit\":100,\"offset\":0}")));
    ObjectNode trends = InsightQueries.trends(QueryNodes.event("signed_up"))
        .breakdown("event", "$browser").build();

    JsonNode answer = query.run(InsightQueries.actors(InsightQueries.insightActors(trends)
        .day("2026-05-01").series(0).breakdown("Chrome").includeRecordings(true))
        .select("actor", "event_count").orderBy("event_count DESC").search("ada")
        .limit(100).offset(0).build());

    assertEquals(3, answer.at("/results/0/1").asInt());
    sent("{'kind':'ActorsQuery','source':{'kind':'InsightActorsQuery','source':{"
        + "'kind':'TrendsQuery','series':[{'kind':'EventsNode','event':'signed_up'}],"
        + "'breakdownFilter':{'breakdown_type':'event','breakdown':'$browser'}},"
        + "'day':'2026-05-01','series':0,'breakdown':'Chrome','includeRecordings':true},"
        + "'select':['actor','event_count'],'orderBy':['event_count DESC'],'search':'ada',"
        + "'limit':100,'offset':0}");
  }

  @Test
  void theActorsOfALifecycleBucketAndARetentionCohort() {
    query.run(InsightQueries.actors(InsightQueries.insightActors(
        InsightQueries.lifecycle(QueryNodes.event("$pageview"))).day("2026-05-01").status("new"))
        .build());
    sent("{'kind':'ActorsQuery','source':{'kind':'InsightActorsQuery','source':{"
        + "'kind':'LifecycleQuery','series':[{'kind':'EventsNode','event':'$pageview'}]},"
        + "'day':'2026-05-01','status':'new'}}");

    wm.resetRequests();
    query.run(InsightQueries.actors(InsightQueries.insightActors(
        InsightQueries.retention("signed_up", "$pageview")).interval(2)).build());
    sent("{'kind':'ActorsQuery','source':{'kind':'InsightActorsQuery','source':{"
        + "'kind':'RetentionQuery','retentionFilter':{"
        + "'targetEntity':{'id':'signed_up','type':'events','name':'signed_up'},"
        + "'returningEntity':{'id':'$pageview','type':'events','name':'$pageview'}}},"
        + "'interval':2}}");
  }

  @Test
  void theActorsOfAFunnelStepAndOfAStickinessPoint() {
    ObjectNode funnel = InsightQueries.funnels(QueryNodes.event("a"), QueryNodes.event("b"))
        .build();
    query.run(InsightQueries.actors(InsightQueries.funnelActors(funnel).step(-2)
        .stepBreakdown("Chrome").build()).build());
    sent("{'kind':'ActorsQuery','source':{'kind':'FunnelsActorsQuery','source':{"
        + "'kind':'FunnelsQuery','series':[{'kind':'EventsNode','event':'a'},"
        + "{'kind':'EventsNode','event':'b'}]},'funnelStep':-2,'funnelStepBreakdown':'Chrome'}}");

    wm.resetRequests();
    ObjectNode sticky = InsightQueries.stickiness(QueryNodes.event("a")).build();
    query.run(InsightQueries.actors(InsightQueries.stickinessActors(sticky).day(3).series(0)
        .operator("gte").build()).build());
    sent("{'kind':'ActorsQuery','source':{'kind':'StickinessActorsQuery','source':{"
        + "'kind':'StickinessQuery','series':[{'kind':'EventsNode','event':'a'}]},"
        + "'day':3,'series':0,'operator':'gte'}}");
  }

  @Test
  void aBuiltNodeIsACopyTheCallerMayExtend() {
    InsightQueries.Trends builder = InsightQueries.trends(QueryNodes.event("$pageview"));
    ObjectNode first = builder.build();
    first.put("samplingFactor", 0.1);
    first.withArray("series").add(QueryNodes.event("extra"));

    ObjectNode second = builder.set("aggregation_group_type_index",
        com.fasterxml.jackson.databind.node.IntNode.valueOf(0)).build();

    assertFalse(second.has("samplingFactor"));
    assertEquals(1, second.get("series").size());
    assertEquals(0, second.get("aggregation_group_type_index").asInt());
    assertEquals("TrendsQuery", builder.kind());
    assertThrows(IllegalArgumentException.class,
        () -> builder.set("kind", TextNode.valueOf("FunnelsQuery")));

    query.run(first);
    sent("{'kind':'TrendsQuery','series':[{'kind':'EventsNode','event':'$pageview'},"
        + "{'kind':'EventsNode','event':'extra'}],'samplingFactor':0.1}");
  }

  @Test
  void valuesOutsideWhatPostHogTakesFailBeforeAnyRequest() {
    ObjectNode pageview = QueryNodes.event("$pageview");
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.trends(pageview).interval("fortnight"));
    assertThrows(IllegalArgumentException.class, () -> InsightQueries.trends());
    assertThrows(IllegalArgumentException.class, () -> InsightQueries.funnels(pageview));
    assertThrows(NullPointerException.class, () -> InsightQueries.lifecycle(null));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.trends(Trees.json(Map.of("event", "$pageview"))));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.retention("a", "b").period("week"));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.retention(Trees.json(Map.of("id", "a")), pageview));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.lifecycle(pageview).toggledLifecycles("gone"));
    assertThrows(IllegalArgumentException.class, () -> InsightQueries.paths().stepLimit(1));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.paths().includeEventTypes("$autocapture"));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.funnels(pageview, pageview).window(0, "day"));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.funnels(pageview, pageview).order("random"));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.funnelActors(InsightQueries.trends(pageview).build()));
    assertThrows(IllegalArgumentException.class, () -> InsightQueries.funnelActors(
        InsightQueries.funnels(pageview, pageview).build()).step(0));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.insightActors(InsightQueries.trends(pageview)).status("churned"));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.actors(TextNode.valueOf("TrendsQuery")));
    assertThrows(IllegalArgumentException.class,
        () -> InsightQueries.actors(InsightQueries.trends(pageview)).limit(0));
    assertThrows(IllegalArgumentException.class, () -> QueryNodes.event(" "));
    assertThrows(IllegalArgumentException.class, () -> QueryNodes.action(0));
    assertTrue(wm.findAll(anyRequestedFor(anyUrl())).isEmpty());
  }
}
