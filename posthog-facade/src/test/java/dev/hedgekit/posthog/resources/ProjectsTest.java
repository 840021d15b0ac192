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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.IsGeneratingDemoData;
import dev.hedgekit.posthog.generated.api.ProjectsApi.List2Query;
import dev.hedgekit.posthog.generated.model.ProjectBackwardCompat;
import dev.hedgekit.posthog.generated.model.ProjectBackwardCompatBasic;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String PROJECTS = "/api/organizations/" + ORG + "/projects/";
  private static final String ONE = PROJECTS + "42/";

  private PostHogClient client;
  private Projects projects;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    projects = client.organization(ORG).projects();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listAndListAllDecodeProjects() {
    String first = "{\"id\":42,\"name\":\"Web\",\"organization\":\"" + ORG + "\"}";
    String second = "{\"id\":43,\"name\":\"Mobile\"}";
    wm.stubFor(get(urlEqualTo(PROJECTS + "?limit=1&offset=0")).willReturn(
        json(page(first, 2, wm.baseUrl() + PROJECTS + "?limit=1&offset=1"))));
    wm.stubFor(get(urlEqualTo(PROJECTS + "?limit=1&offset=1")).willReturn(json(page(second, 2, null))));

    Page<ProjectBackwardCompatBasic> p = projects.list(new List2Query().limit(1L).offset(0L));
    List<Long> ids = projects.listAll(new List2Query().limit(1L).offset(0L)).stream()
        .map(ProjectBackwardCompatBasic::getId).collect(Collectors.toList());

    assertEquals(42, p.results().get(0).getId());
    assertEquals("Web", p.results().get(0).getName());
    assertEquals(ORG, p.results().get(0).getOrganization());
    assertTrue(p.hasNext());
    assertEquals(List.of(42L, 43L), ids);
    wm.verify(2, getRequestedFor(urlEqualTo(PROJECTS + "?limit=1&offset=0")));
  }

  @Test
  void getReadsTheProject() {
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(json("{\"id\":42,\"name\":\"Web\",\"timezone\":\"Europe/Paris\","
        + "\"anonymize_ips\":true,\"app_urls\":[\"https://example.com\"]}")));

    ProjectBackwardCompat p = projects.get(42);

    assertEquals(42, p.getId());
    assertEquals(Boolean.TRUE, p.getAnonymizeIps());
    assertEquals(List.of("https://example.com"), p.getAppUrls());
    assertEquals("Europe/Paris", p.getTimezone().value());
    wm.verify(1, getRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void deleteIsARealDelete() {
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));

    projects.delete(42);

    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void activityIsAPageAndDemoDataIsTyped() {
    wm.stubFor(get(urlEqualTo(ONE + "activity/")).willReturn(json("{\"results\":[{\"activity\":\"updated\"}]}")));
    wm.stubFor(get(urlEqualTo(ONE + "is_generating_demo_data/")).willReturn(json("{\"is_generating_demo_data\":false}")));

    Page<ActivityLogEntry> activity = projects.activity(42);
    IsGeneratingDemoData demo = projects.isGeneratingDemoData(42);

    assertEquals("updated", activity.results().get(0).getActivity());
    assertEquals(Boolean.FALSE, demo.getIsGeneratingDemoData());
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "activity/")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "is_generating_demo_data/")));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> projects.list(null));
    assertThrows(NullPointerException.class, () -> projects.listAll(null));
    assertThrows(NullPointerException.class, () -> client.organization(null).projects());
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
