package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.json;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.jsonAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.errors.MethodNotAllowedException;
import dev.hedgekit.posthog.generated.api.HogFunctionTemplatesApi.HogFunctionTemplatesListQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsListQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsLogsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsMetricsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsMetricsTotalsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.AppMetricsResponse;
import dev.hedgekit.posthog.generated.model.HogFunction;
import dev.hedgekit.posthog.generated.model.HogFunctionMinimal;
import dev.hedgekit.posthog.generated.model.HogFunctionTemplate;
import dev.hedgekit.posthog.generated.model.HogFunctionTypeEnum;
import dev.hedgekit.posthog.generated.model.LogEntry;
import dev.hedgekit.posthog.generated.model.PatchedHogFunction;
import dev.hedgekit.posthog.pagination.Page;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hog functions, the successors of plugins: every method against WireMock, with the exact
 * method, path, query string and JSON body that reach the server.
 */
class HogFunctionsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/hog_functions/";
  private static final String TEMPLATES = "/api/projects/42/hog_function_templates/";
  private static final String ID = "0196b4d2-7a1e-7c3f-9d2b-4e5f6a7b8c9d";
  private static final String ONE = BASE + ID + "/";
  private static final String FUNCTION_JSON = "{'id':'" + ID + "','type':'destination',"
      + "'name':'Sign-ups to Slack','enabled':true,'deleted':false,'hog':'fetch(inputs.url)',"
      + "'template_id':'template-slack','status':{'state':1},'execution_order':null,"
      + "'some_new_field':[1]}";

  private PostHogClient client;
  private HogFunctions functions;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    functions = client.project(42).hogFunctions();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void listSendsTheFiltersAndListAllFollowsTheLinks() {
    String first = BASE + "?enabled=true&limit=1&search=slack&type=destination%2Csite_destination";
    String second = BASE + "?enabled=true&limit=1&offset=1&search=slack&type=destination%2Csite_destination";
    wm.stubFor(get(urlEqualTo(first)).willReturn(jsonAnswer(200,
        "{'count':2,'next':'" + wm.baseUrl() + second + "','previous':null,"
        + "'results':[{'id':'" + ID + "','type':'destination','name':'Sign-ups to Slack','enabled':true}]}")));
    wm.stubFor(get(urlEqualTo(second)).willReturn(jsonAnswer(200,
        "{'count':2,'next':null,'previous':null,"
        + "'results':[{'id':'0196b4d2-0000-7000-8000-000000000002','type':'site_destination','name':'Chat'}]}")));
    HogFunctionsListQuery query = new HogFunctionsListQuery().type("destination,site_destination")
        .enabled(true).search("slack").limit(1L);

    Page<HogFunctionMinimal> page = functions.list(query);
    List<String> names = functions.listAll(query).stream().map(HogFunctionMinimal::getName)
        .collect(Collectors.toList());

    assertEquals(ID, page.results().get(0).getId());
    assertEquals(2L, page.count().getAsLong());
    assertEquals(List.of("Sign-ups to Slack", "Chat"), names);
    wm.verify(2, getRequestedFor(urlEqualTo(first)));
    wm.verify(1, getRequestedFor(urlEqualTo(second)));
  }

  @Test
  void listWithoutFiltersSendsNoQueryString() {
    wm.stubFor(get(urlEqualTo(BASE)).willReturn(jsonAnswer(200,
        "{'count':0,'next':null,'previous':null,'results':[]}")));

    assertEquals(List.of(), functions.list().results());
    wm.verify(1, getRequestedFor(urlEqualTo(BASE)));
  }

  @Test
  void createGetUpdateAndReplaceSendTheirBodies() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201, FUNCTION_JSON)));
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(jsonAnswer(200, FUNCTION_JSON)));
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(jsonAnswer(200,
        FUNCTION_JSON.replace("Sign-ups to Slack", "Sign-ups"))));
    wm.stubFor(put(urlEqualTo(ONE)).willReturn(jsonAnswer(200, FUNCTION_JSON)));

    HogFunction created = functions.create(new HogFunction().type(HogFunctionTypeEnum.DESTINATION)
        .name("Sign-ups to Slack").templateId("template-slack"));
    HogFunction read = functions.get(ID);
    HogFunction renamed = functions.update(ID, new PatchedHogFunction().name("Sign-ups"));
    functions.replace(ID, new HogFunction().name("Sign-ups to Slack").hog("fetch(inputs.url)"));

    assertEquals(ID, created.getId());
    assertEquals("template-slack", read.getTemplateId());
    assertEquals(Boolean.TRUE, read.getEnabled());
    assertEquals("[1]", read.additionalProperty("some_new_field").toString());
    assertEquals("Sign-ups", renamed.getName());
    wm.verify(1, postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json(
        "{'type':'destination','name':'Sign-ups to Slack','template_id':'template-slack'}"))));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE)));
    wm.verify(1, patchRequestedFor(urlEqualTo(ONE))
        .withRequestBody(equalToJson(json("{'name':'Sign-ups'}"))));
    wm.verify(1, putRequestedFor(urlEqualTo(ONE)).withRequestBody(equalToJson(json(
        "{'name':'Sign-ups to Slack','hog':'fetch(inputs.url)'}"))));
  }

  @Test
  void enableDisableDeleteAndRestoreArePatchesOfOneField() {
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(jsonAnswer(200, FUNCTION_JSON)));

    functions.enable(ID);
    functions.disable(ID);
    functions.delete(ID);
    functions.restore(ID);

    for (String body : List.of("{'enabled':true}", "{'enabled':false}", "{'deleted':true}",
        "{'deleted':false}")) {
      wm.verify(1, patchRequestedFor(urlEqualTo(ONE)).withRequestBody(equalToJson(json(body))));
    }
    wm.verify(4, patchRequestedFor(urlEqualTo(ONE)));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void aHardDeleteIsRefusedByPostHogWhichIsWhyDeleteIsAPatch() {
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(jsonAnswer(405,
        "{'type':'invalid_request','code':'method_not_allowed','detail':'Method \\u0022DELETE\\u0022 not allowed.'}")));

    assertThrows(MethodNotAllowedException.class,
        () -> client.generated(HogFunctionsApi.class).hogFunctionsDestroy("42", ID));
    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void logsArePagedWithTheirFilters() {
    String first = ONE + "logs/?after=2026-05-01T00%3A00Z&level=ERROR%2CWARN&limit=2";
    String second = ONE + "logs/?after=2026-05-01T00%3A00Z&level=ERROR%2CWARN&limit=2&offset=2";
    wm.stubFor(get(urlEqualTo(first)).willReturn(jsonAnswer(200,
        "{'count':3,'next':'" + wm.baseUrl() + second + "','previous':null,'results':["
        + "{'log_source_id':'" + ID + "','instance_id':'i1','timestamp':'2026-05-01T10:00:00Z',"
        + "'level':'ERROR','message':'timeout'},"
        + "{'log_source_id':'" + ID + "','instance_id':'i2','timestamp':'2026-05-01T10:01:00Z',"
        + "'level':'WARN','message':'slow'}]}")));
    wm.stubFor(get(urlEqualTo(second)).willReturn(jsonAnswer(200,
        "{'count':3,'next':null,'previous':null,'results':[{'level':'ERROR','message':'429'}]}")));
    HogFunctionsLogsRetrieveQuery query = new HogFunctionsLogsRetrieveQuery()
        .after(OffsetDateTime.parse("2026-05-01T00:00:00Z")).level("ERROR,WARN").limit(2L);

    Page<LogEntry> page = functions.logs(ID, query);
    List<String> messages = functions.logsAll(ID, query).stream().map(LogEntry::getMessage)
        .collect(Collectors.toList());

    assertEquals("i1", page.results().get(0).getInstanceId());
    assertTrue(page.hasNext());
    assertEquals(List.of("timeout", "slow", "429"), messages);
    wm.verify(2, getRequestedFor(urlEqualTo(first)));
    wm.verify(1, getRequestedFor(urlEqualTo(second)));
  }

  @Test
  void metricsAndTotalsSendTheirQuery() {
    wm.stubFor(get(urlEqualTo(ONE + "metrics/?after=-24h&breakdown_by=kind&interval=hour"))
        .willReturn(jsonAnswer(200, "{'labels':['2026-05-01T10:00','2026-05-01T11:00'],"
            + "'series':[{'name':'succeeded','values':[3,4]},{'name':'failed','values':[0,1]}]}")));
    wm.stubFor(get(urlEqualTo(ONE + "metrics/")).willReturn(jsonAnswer(200,
        "{'labels':[],'series':[]}")));
    wm.stubFor(get(urlEqualTo(ONE + "metrics/totals/?kind=success%2Cfailure"))
        .willReturn(jsonAnswer(200, "{'totals':{'success':120,'failure':2}}")));
    wm.stubFor(get(urlEqualTo(ONE + "metrics/totals/")).willReturn(jsonAnswer(200,
        "{'totals':{}}")));

    AppMetricsResponse hourly = functions.metrics(ID, new HogFunctionsMetricsRetrieveQuery()
        .after("-24h").interval("hour").breakdownBy("kind"));
    Map<String, Long> totals = functions.metricsTotals(ID,
        new HogFunctionsMetricsTotalsRetrieveQuery().kind("success,failure")).getTotals();

    assertEquals(2, hourly.getLabels().size());
    assertEquals("failed", hourly.getSeries().get(1).getName());
    assertEquals(Map.of("success", 120L, "failure", 2L), totals);
    assertEquals(0, functions.metrics(ID).getSeries().size());
    assertEquals(Map.of(), functions.metricsTotals(ID).getTotals());
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "metrics/?after=-24h&breakdown_by=kind&interval=hour")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "metrics/totals/?kind=success%2Cfailure")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "metrics/")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "metrics/totals/")));
  }

  @Test
  void templatesAreListedPagedAndReadByTheirId() {
    String first = TEMPLATES + "?limit=1&type=destination";
    String second = TEMPLATES + "?limit=1&offset=1&type=destination";
    wm.stubFor(get(urlEqualTo(first)).willReturn(jsonAnswer(200,
        "{'count':2,'next':'" + wm.baseUrl() + second + "','previous':null,"
        + "'results':[{'id':'template-slack','name':'Slack','type':'destination','free':true}]}")));
    wm.stubFor(get(urlEqualTo(second)).willReturn(jsonAnswer(200,
        "{'count':2,'next':null,'previous':null,"
        + "'results':[{'id':'template-webhook','name':'Webhook','type':'destination'}]}")));
    wm.stubFor(get(urlEqualTo(TEMPLATES + "template-slack/")).willReturn(jsonAnswer(200,
        "{'id':'template-slack','name':'Slack','code':'fetch(inputs.url)','code_language':'hog',"
        + "'inputs_schema':[{'key':'url','type':'string'}],'mapping_templates':[]}")));
    HogFunctionTemplatesListQuery query = new HogFunctionTemplatesListQuery().type("destination")
        .limit(1L);

    Page<HogFunctionTemplate> page = functions.templates().list(query);
    List<String> ids = functions.templates().listAll(query).stream().map(HogFunctionTemplate::getId)
        .collect(Collectors.toList());
    HogFunctionTemplate slack = functions.templates().get("template-slack");

    assertEquals(Boolean.TRUE, page.results().get(0).getFree());
    assertEquals(List.of("template-slack", "template-webhook"), ids);
    assertEquals("fetch(inputs.url)", slack.getCode());
    assertEquals("url", slack.getInputsSchema().get(0).get("key").asText());
    wm.verify(2, getRequestedFor(urlEqualTo(first)));
    wm.verify(1, getRequestedFor(urlEqualTo(TEMPLATES + "template-slack/")));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    IllegalArgumentException noCode = assertThrows(IllegalArgumentException.class,
        () -> functions.create(new HogFunction().name("Nothing to run")));
    assertTrue(noCode.getMessage().contains("template_id"), noCode.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> functions.create(new HogFunction().hog("  ")));
    assertThrows(NullPointerException.class, () -> functions.create(null));
    assertThrows(NullPointerException.class, () -> functions.get(null));
    assertThrows(NullPointerException.class, () -> functions.update(ID, null));
    assertThrows(NullPointerException.class, () -> functions.replace(null, new HogFunction()));
    assertThrows(NullPointerException.class, () -> functions.enable(null));
    assertThrows(NullPointerException.class, () -> functions.delete(null));
    assertThrows(NullPointerException.class, () -> functions.list(null));
    assertThrows(NullPointerException.class, () -> functions.logs(ID, null));
    assertThrows(NullPointerException.class, () -> functions.metrics(null));
    assertThrows(NullPointerException.class, () -> functions.templates().listAll(null));
    assertThrows(IllegalArgumentException.class, () -> functions.templates().get(""));
    assertThrows(IllegalArgumentException.class, () -> client.project("nope").hogFunctions());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
