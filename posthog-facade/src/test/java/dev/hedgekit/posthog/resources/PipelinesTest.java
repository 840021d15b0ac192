package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.support.Trees;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.exactJson;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineDestinationConfigsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PluginConfigsLogsListQuery;
import dev.hedgekit.posthog.generated.model.PatchedPluginConfig;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.PluginConfig;
import dev.hedgekit.posthog.generated.model.PluginConfigRearrange;
import dev.hedgekit.posthog.generated.model.PluginLogEntry;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelinesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String PROJECT = "/api/projects/42/";
  private static final String DESTINATIONS = PROJECT + "pipeline_destination_configs/";
  private static final String ONE = DESTINATIONS + "7/";
  private static final String CONFIG_JSON = "{\"id\":7,\"plugin\":17,\"enabled\":true,\"order\":1,"
      + "\"name\":\"Webhook\",\"filters\":{\"events\":[{\"id\":\"$pageview\"}]}}";

  private PostHogClient client;
  private Pipelines pipelines;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    pipelines = client.project(42).pipelines();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void destinationsListAndListAll() {
    wm.stubFor(get(urlEqualTo(DESTINATIONS + "?limit=1")).willReturn(
        json(page(CONFIG_JSON, 2, wm.baseUrl() + DESTINATIONS + "?limit=1&offset=1"))));
    wm.stubFor(get(urlEqualTo(DESTINATIONS + "?limit=1&offset=1")).willReturn(
        json(page(CONFIG_JSON.replace("\"id\":7", "\"id\":8"), 2, null))));

    Page<PluginConfig> p = pipelines.destinations().list(new PipelineDestinationConfigsListQuery().limit(1L));
    List<Long> ids = pipelines.destinations().listAll(new PipelineDestinationConfigsListQuery().limit(1L))
        .stream().map(PluginConfig::getId).collect(Collectors.toList());

    PluginConfig c = p.results().get(0);
    assertEquals(7, c.getId());
    assertEquals(17, c.getPlugin());
    assertEquals(Boolean.TRUE, c.getEnabled());
    assertEquals(Trees.json(List.of(Map.of("id", "$pageview"))), c.getFilters().get("events"));
    assertEquals(List.of(7L, 8L), ids);
    wm.verify(2, getRequestedFor(urlEqualTo(DESTINATIONS + "?limit=1")));
    wm.verify(1, getRequestedFor(urlEqualTo(DESTINATIONS + "?limit=1&offset=1")));
  }

  @Test
  void destinationsCreateGetUpdateReplaceDelete() {
    wm.stubFor(post(urlEqualTo(DESTINATIONS)).willReturn(json(201, CONFIG_JSON)));
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(json(CONFIG_JSON)));
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(json(CONFIG_JSON.replace("\"enabled\":true", "\"enabled\":false"))));
    wm.stubFor(put(urlEqualTo(ONE)).willReturn(json(CONFIG_JSON.replace("\"order\":1", "\"order\":3"))));
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));

    PluginConfig created = pipelines.destinations().create(new PluginConfig().plugin(17L).enabled(true).order(1L));
    PluginConfig read = pipelines.destinations().get(7);
    PluginConfig patched = pipelines.destinations().update(7, new PatchedPluginConfig().enabled(false));
    PluginConfig replaced = pipelines.destinations().replace(7, new PluginConfig().plugin(17L).enabled(true).order(3L));
    pipelines.destinations().delete(7);

    assertEquals(7, created.getId());
    assertEquals("Webhook", read.getName());
    assertEquals(Boolean.FALSE, patched.getEnabled());
    assertEquals(3, replaced.getOrder());
    wm.verify(postRequestedFor(urlEqualTo(DESTINATIONS))
        .withRequestBody(exactJson("{\"plugin\":17,\"enabled\":true,\"order\":1}")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE)));
    wm.verify(patchRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"enabled\":false}")));
    wm.verify(putRequestedFor(urlEqualTo(ONE))
        .withRequestBody(exactJson("{\"plugin\":17,\"enabled\":true,\"order\":3}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  @SuppressWarnings("deprecation")
  void destinationsCustomActions() {
    wm.stubFor(get(urlEqualTo(ONE + "activity/")).willReturn(json("{\"results\":[{\"activity\":\"created\"}]}")));
    wm.stubFor(get(urlEqualTo(ONE + "frontend/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/javascript").withBody("export function x() {}")));
    wm.stubFor(patch(urlEqualTo(DESTINATIONS + "rearrange/")).willReturn(json("[" + CONFIG_JSON + "]")));
    wm.stubFor(post(urlEqualTo(ONE + "job/")).willReturn(json("{\"queued\":true}")));

    Page<ActivityLogEntry> activity = pipelines.destinations().activity(7);
    String frontend = pipelines.destinations().frontend(7);
    List<PluginConfig> rearranged = pipelines.destinations()
        .rearrange(new PluginConfigRearrange().orders(Map.of("7", 2L)));
    JsonNode job = pipelines.destinations().job(7, new PluginConfig().plugin(17L).order(1L));

    assertEquals("created", activity.results().get(0).getActivity());
    assertEquals("export function x() {}", frontend);
    assertEquals(7L, rearranged.get(0).getId());
    assertEquals(true, job.get("queued").asBoolean());
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "activity/")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "frontend/")));
    wm.verify(patchRequestedFor(urlEqualTo(DESTINATIONS + "rearrange/")).withRequestBody(exactJson("{\"orders\":{\"7\":2}}")));
    wm.verify(postRequestedFor(urlEqualTo(ONE + "job/")).withRequestBody(exactJson("{\"plugin\":17,\"order\":1}")));
  }

  @Test
  void eachViewUsesItsOwnPath() {
    for (String path : List.of("plugin_configs", "pipeline_transformation_configs",
        "pipeline_frontend_apps_configs", "pipeline_import_apps_configs")) {
      wm.stubFor(get(urlEqualTo(PROJECT + path + "/9/")).willReturn(json("{\"id\":9,\"name\":\"" + path + "\"}")));
      wm.stubFor(get(urlEqualTo(PROJECT + path + "/")).willReturn(json(page("{\"id\":9}", 1, null))));
    }

    assertEquals("plugin_configs", pipelines.pluginConfigs().get(9).getName());
    assertEquals("pipeline_transformation_configs", pipelines.transformations().get(9).getName());
    assertEquals("pipeline_frontend_apps_configs", pipelines.frontendApps().get(9).getName());
    assertEquals("pipeline_import_apps_configs", pipelines.importApps().get(9).getName());
    assertEquals(9, pipelines.pluginConfigs().list().results().get(0).getId());
    assertEquals(9, pipelines.transformations().list().results().get(0).getId());
    assertEquals(9, pipelines.frontendApps().list().results().get(0).getId());
    assertEquals(9, pipelines.importApps().list().results().get(0).getId());
  }

  @Test
  void pluginConfigLogs() {
    String logs = PROJECT + "plugin_configs/7/logs/";
    String entry = "{\"id\":\"e1\",\"plugin_config_id\":7,\"message\":\"sent\",\"type\":\"INFO\",\"source\":\"PLUGIN\"}";
    wm.stubFor(get(urlEqualTo(logs + "?limit=1")).willReturn(json(page(entry, 2, wm.baseUrl() + logs + "?limit=1&offset=1"))));
    wm.stubFor(get(urlEqualTo(logs + "?limit=1&offset=1")).willReturn(json(page(entry.replace("sent", "failed"), 2, null))));

    Page<PluginLogEntry> p = pipelines.pluginConfigs().logs(7, new PluginConfigsLogsListQuery().limit(1L));
    List<String> messages = pipelines.pluginConfigs().logsAll(7, new PluginConfigsLogsListQuery().limit(1L))
        .stream().map(PluginLogEntry::getMessage).collect(Collectors.toList());

    assertEquals(7, p.results().get(0).getPluginConfigId());
    assertEquals(List.of("sent", "failed"), messages);
    wm.verify(2, getRequestedFor(urlEqualTo(logs + "?limit=1")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void appMetrics() {
    String base = PROJECT + "app_metrics/7/";
    wm.stubFor(get(urlEqualTo(base)).willReturn(json("{\"metrics\":{\"successes\":[3]}}")));
    wm.stubFor(get(urlEqualTo(base + "error_details/")).willReturn(json("{\"result\":[]}")));
    wm.stubFor(get(urlEqualTo(base + "historical_exports/")).willReturn(json("{\"results\":[{\"job_id\":\"j1\"}]}")));
    wm.stubFor(get(urlEqualTo(base + "historical_exports/j1/")).willReturn(json("{\"job_id\":\"j1\"}")));

    assertEquals(3, pipelines.appMetrics(7).get("metrics").get("successes").get(0).asInt());
    assertEquals(0, pipelines.appMetricsErrorDetails(7).get("result").size());
    assertEquals("j1", pipelines.historicalExports("7").get("results").get(0).get("job_id").asText());
    assertEquals("j1", pipelines.historicalExport("7", "j1").get("job_id").asText());
    wm.verify(1, getRequestedFor(urlEqualTo(base)));
    wm.verify(1, getRequestedFor(urlEqualTo(base + "historical_exports/j1/")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> pipelines.destinations().create(null));
    assertThrows(NullPointerException.class, () -> pipelines.destinations().update(7, null));
    assertThrows(NullPointerException.class, () -> pipelines.destinations().replace(7, null));
    assertThrows(NullPointerException.class, () -> pipelines.destinations().list(null));
    assertThrows(NullPointerException.class, () -> pipelines.destinations().rearrange(null));
    assertThrows(NullPointerException.class, () -> pipelines.destinations().job(7, null));
    assertThrows(NullPointerException.class, () -> pipelines.pluginConfigs().logs(7, null));
    assertThrows(IllegalArgumentException.class, () -> pipelines.historicalExport("7", ""));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
