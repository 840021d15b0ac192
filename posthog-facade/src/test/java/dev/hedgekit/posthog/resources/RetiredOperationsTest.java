package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.jsonAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.errors.MethodNotAllowedException;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.generated.model.PatchedProxyRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operations PostHog removed or deprecated stay reachable through their (deprecated) typed
 * methods; when PostHog answers 404 or 405 for one, the error says what replaced it.
 */
@SuppressWarnings("deprecation")
class RetiredOperationsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String NOT_FOUND =
      "{'type':'invalid_request','code':'not_found','detail':'Not found.','attr':null}";

  private PostHogClient client;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void aRemovedPersonsRouteAnswering404NamesTheQueryThatReplacesIt() {
    wm.stubFor(get(urlEqualTo("/api/projects/42/persons/stickiness/"))
        .willReturn(jsonAnswer(404, NOT_FOUND)));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.project(42).persons().stickiness());

    assertEquals(404, e.status());
    assertTrue(e.getMessage().contains("PostHog has removed this endpoint (operation"
        + " persons_stickiness_retrieve); use instead: POST /api/projects/{project_id}/query/"
        + " with an ActorsQuery whose source is a StickinessActorsQuery."), e.getMessage());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/projects/42/persons/stickiness/")));
  }

  @Test
  void aRemovedInsightRouteAnswering404NamesItsQueryNode() {
    wm.stubFor(get(urlPathEqualTo("/api/projects/42/insights/retention/"))
        .willReturn(jsonAnswer(404, NOT_FOUND)));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.project(42).insights().retention());

    assertTrue(e.getMessage().contains("PostHog has removed this endpoint (operation"
        + " insights_retention_retrieve); use instead: POST /api/projects/{project_id}/query/"
        + " with a RetentionQuery."), e.getMessage());
  }

  @Test
  void aDeprecatedOrganizationRouteAnswering404NamesTheProjectRoutes() {
    wm.stubFor(get(urlEqualTo("/api/organizations/" + OrgAdminFixtures.ORG + "/batch_exports/"))
        .willReturn(jsonAnswer(404, NOT_FOUND)));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.organization(OrgAdminFixtures.ORG).batchExports().list());

    assertTrue(e.getMessage().contains("PostHog has deprecated this endpoint (operation"
        + " batch_exports_list); use instead: The project-level routes under"
        + " /api/projects/{project_id}/batch_exports/"), e.getMessage());
  }

  @Test
  void aRemovedUpdateAnswering405SaysToRecreateTheRecord() {
    String id = OrgAdminFixtures.UUID_1;
    wm.stubFor(any(urlEqualTo("/api/organizations/" + OrgAdminFixtures.ORG + "/proxy_records/"
        + id + "/")).willReturn(jsonAnswer(405, "{'type':'invalid_request',"
        + "'code':'method_not_allowed','detail':'Method \\u0022PATCH\\u0022 not allowed.'}")));

    MethodNotAllowedException e = assertThrows(MethodNotAllowedException.class,
        () -> client.organization(OrgAdminFixtures.ORG).proxyRecords()
            .update(id, new PatchedProxyRecord().domain("ph2.example.com")));

    assertTrue(e.getMessage().contains("PostHog has removed this endpoint (operation"
        + " proxy_records_partial_update); use instead: Delete the record and create one for the"
        + " new domain"), e.getMessage());
    wm.verify(1, patchRequestedFor(urlEqualTo("/api/organizations/" + OrgAdminFixtures.ORG
        + "/proxy_records/" + id + "/")));
  }

  @Test
  void aServedRouteAnswering404SaysNothingAboutAReplacement() {
    wm.stubFor(get(urlPathEqualTo("/api/projects/42/persons/cohorts/"))
        .willReturn(jsonAnswer(404, NOT_FOUND)));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.project(42).persons().cohorts("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    assertFalse(e.getMessage().contains("use instead"), e.getMessage());
    assertFalse(e.getMessage().contains("PostHog has removed"), e.getMessage());
  }
}
