package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.ORG;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineDestinationsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PluginsListQuery;
import dev.hedgekit.posthog.generated.model.Plugin;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PluginsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/organizations/" + ORG + "/";
  private static final String PLUGIN_JSON = "{\"id\":17,\"name\":\"Webhook\",\"plugin_type\":\"custom\","
      + "\"url\":\"https://github.com/x/y\",\"is_global\":false,\"latest_tag\":\"abc\"}";

  private PostHogClient client;
  private Plugins plugins;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    plugins = client.organization(ORG).plugins();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void everyPluginOperation() {
    String all = BASE + "plugins/";
    wm.stubFor(get(urlEqualTo(all + "?limit=1")).willReturn(json(page(PLUGIN_JSON, 2, wm.baseUrl() + all + "?limit=1&offset=1"))));
    wm.stubFor(get(urlEqualTo(all + "?limit=1&offset=1")).willReturn(json(page(PLUGIN_JSON.replace("\"id\":17", "\"id\":18"), 2, null))));
    wm.stubFor(get(urlEqualTo(all + "17/")).willReturn(json(PLUGIN_JSON)));
    wm.stubFor(delete(urlEqualTo(all + "17/")).willReturn(noContent()));
    wm.stubFor(get(urlEqualTo(all + "activity/")).willReturn(json(
        "{\"results\":[{\"activity\":\"installed\",\"scope\":\"Plugin\"}],\"next\":null}")));
    wm.stubFor(get(urlEqualTo(all + "17/check_for_updates/")).willReturn(json("{\"plugin\":" + PLUGIN_JSON + "}")));
    wm.stubFor(get(urlEqualTo(all + "repository/")).willReturn(json("[{\"name\":\"GeoIP\"}]")));
    wm.stubFor(get(urlEqualTo(all + "17/source/")).willReturn(json("{\"index.ts\":\"export {}\"}")));
    wm.stubFor(get(urlEqualTo(all + "unused/")).willReturn(json("[17,18]")));
    wm.stubFor(get(urlEqualTo(all + "exports_unsubscribe_configs/")).willReturn(json("[]")));

    Page<Plugin> p = plugins.list(new PluginsListQuery().limit(1L));
    List<Long> ids = plugins.listAll(new PluginsListQuery().limit(1L)).stream().map(Plugin::getId)
        .collect(Collectors.toList());

    assertEquals("Webhook", p.results().get(0).getName());
    assertEquals(List.of(17L, 18L), ids);
    assertEquals("abc", plugins.get(17).getLatestTag());
    plugins.delete(17);
    assertEquals("installed", plugins.activity().results().get(0).getActivity());
    assertEquals(17L, plugins.checkForUpdates(17).getPlugin().getId());
    assertEquals("GeoIP", plugins.repository().get(0).get("name").asText());
    assertEquals("export {}", plugins.source(17).get("index.ts"));
    assertEquals(List.of(17L, 18L), plugins.unused());
    assertEquals(0, plugins.exportsUnsubscribeConfigs().size());
    wm.verify(1, deleteRequestedFor(urlEqualTo(all + "17/")));
    wm.verify(2, getRequestedFor(urlEqualTo(all + "?limit=1")));
  }

  @Test
  void destinationsViewUsesItsEndpoints() {
    String d = BASE + "pipeline_destinations/";
    wm.stubFor(get(urlEqualTo(d + "?offset=0")).willReturn(json(page(PLUGIN_JSON, 1, null))));
    wm.stubFor(get(urlEqualTo(d + "17/")).willReturn(json(PLUGIN_JSON)));
    wm.stubFor(delete(urlEqualTo(d + "17/")).willReturn(noContent()));
    wm.stubFor(get(urlEqualTo(d + "activity/")).willReturn(json("{}")));
    wm.stubFor(get(urlEqualTo(d + "17/check_for_updates/")).willReturn(json("{}")));
    wm.stubFor(get(urlEqualTo(d + "repository/")).willReturn(json("[]")));
    wm.stubFor(get(urlEqualTo(d + "17/source/")).willReturn(json("{}")));
    wm.stubFor(get(urlEqualTo(d + "unused/")).willReturn(json("[]")));
    wm.stubFor(get(urlEqualTo(d + "exports_unsubscribe_configs/")).willReturn(json("[]")));

    Plugins.Apps<PipelineDestinationsListQuery> destinations = plugins.destinations();
    assertEquals(17, destinations.list(new PipelineDestinationsListQuery().offset(0L)).results().get(0).getId());
    assertEquals(1, destinations.listAll(new PipelineDestinationsListQuery().offset(0L)).stream().count());
    assertEquals("Webhook", destinations.get(17).getName());
    destinations.delete(17);
    destinations.activity();
    destinations.checkForUpdates(17);
    destinations.repository();
    destinations.source(17);
    destinations.unused();
    destinations.exportsUnsubscribeConfigs();

    for (String path : List.of("17/", "activity/", "17/check_for_updates/", "repository/", "17/source/",
        "unused/", "exports_unsubscribe_configs/")) {
      wm.verify(1, getRequestedFor(urlEqualTo(d + path)));
    }
    wm.verify(1, deleteRequestedFor(urlEqualTo(d + "17/")));
  }

  @Test
  void otherViewsUseTheirPaths() {
    for (String kind : List.of("pipeline_transformations", "pipeline_frontend_apps", "pipeline_import_apps")) {
      wm.stubFor(get(urlEqualTo(BASE + kind + "/17/")).willReturn(json("{\"id\":17,\"name\":\"" + kind + "\"}")));
      wm.stubFor(get(urlEqualTo(BASE + kind + "/unused/")).willReturn(json("[" + kind.length() + "]")));
    }

    assertEquals("pipeline_transformations", plugins.transformations().get(17).getName());
    assertEquals("pipeline_frontend_apps", plugins.frontendApps().get(17).getName());
    assertEquals("pipeline_import_apps", plugins.importApps().get(17).getName());
    assertEquals(List.of((long) "pipeline_transformations".length()), plugins.transformations().unused());
    assertEquals(List.of((long) "pipeline_frontend_apps".length()), plugins.frontendApps().unused());
    assertEquals(List.of((long) "pipeline_import_apps".length()), plugins.importApps().unused());
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> plugins.list(null));
    assertThrows(NullPointerException.class, () -> plugins.destinations().listAll(null));
    assertThrows(NullPointerException.class, () -> client.organization(null).plugins());
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
