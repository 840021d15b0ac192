package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.support.Trees;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.json;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.jsonAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.DashboardsApi.DashboardsListQuery;
import dev.hedgekit.posthog.generated.api.DashboardsApi.DashboardsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.Dashboard;
import dev.hedgekit.posthog.generated.model.DashboardFromTemplateRequest;
import dev.hedgekit.posthog.generated.model.DashboardMoveTileRequest;
import dev.hedgekit.posthog.generated.model.DashboardBasic;
import dev.hedgekit.posthog.generated.model.DashboardCollaborator;
import dev.hedgekit.posthog.generated.model.EffectivePrivilegeLevelEnum;
import dev.hedgekit.posthog.generated.model.PatchedDashboard;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DashboardsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/dashboards/";

  private PostHogClient client;
  private Dashboards dashboards;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    dashboards = client.project(42).dashboards();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createGetUpdateListAndSoftDelete() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201,
        "{'id':12,'name':'KPIs','pinned':true,'deleted':false,'tiles':[]}")));
    wm.stubFor(get(urlEqualTo(BASE + "12/")).willReturn(jsonAnswer(200,
        "{'id':12,'name':'KPIs','pinned':true,'tiles':[{'id':1,'insight':{'id':5}}],'tags':['growth']}")));
    wm.stubFor(patch(urlEqualTo(BASE + "12/")).willReturn(jsonAnswer(200,
        "{'id':12,'name':'KPIs','description':'Weekly numbers'}")));
    wm.stubFor(get(urlEqualTo(BASE + "?limit=1&offset=0")).willReturn(jsonAnswer(200,
        "{'count':4,'next':'" + wm.baseUrl() + BASE + "?limit=1&offset=1','previous':null,"
        + "'results':[{'id':12,'name':'KPIs','pinned':true}]}")));

    Dashboard created = dashboards.create(new Dashboard().name("KPIs").pinned(true));
    assertEquals(12, created.getId());
    wm.verify(postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json("{'name':'KPIs','pinned':true}"))));

    Dashboard read = dashboards.get(12);
    assertEquals(1, read.getTiles().size());
    assertEquals(Trees.json(List.of("growth")), Trees.json(read.getTags()));

    Dashboard changed = dashboards.update(12, new PatchedDashboard().description("Weekly numbers"));
    assertEquals("Weekly numbers", changed.getDescription());
    wm.verify(patchRequestedFor(urlEqualTo(BASE + "12/"))
        .withRequestBody(equalToJson(json("{'description':'Weekly numbers'}"))));

    Page<DashboardBasic> page = dashboards.list(new DashboardsListQuery().limit(1L).offset(0L));
    assertEquals(12, page.results().get(0).getId());
    assertEquals("KPIs", page.results().get(0).getName());
    assertEquals(4L, page.count().getAsLong());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?limit=1&offset=0")));

    wm.resetRequests();
    wm.stubFor(patch(urlEqualTo(BASE + "12/")).willReturn(jsonAnswer(200, "{'id':12,'deleted':true}")));
    assertEquals(Boolean.TRUE, dashboards.delete(12).getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "12/")).withRequestBody(equalToJson(json("{'deleted':true}"))));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void collaboratorsAreAddedListedAndRemoved() {
    String user = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    String path = BASE + "12/collaborators/";
    wm.stubFor(post(urlEqualTo(path)).willReturn(jsonAnswer(201,
        "{'id':'0190a1b2-0000-7000-8000-000000000001','dashboard_id':12,'level':37,'user_uuid':'" + user + "'}")));
    wm.stubFor(get(urlEqualTo(path)).willReturn(jsonAnswer(200,
        "[{'id':'0190a1b2-0000-7000-8000-000000000001','dashboard_id':12,'level':37,'user':{'id':3,'email':'ada@example.com'}}]")));
    wm.stubFor(delete(urlEqualTo(path + user + "/")).willReturn(aResponse().withStatus(204)));

    DashboardCollaborator added = dashboards.addCollaborator(12,
        new DashboardCollaborator().userUuid(user).level(EffectivePrivilegeLevelEnum.CAN_EDIT));
    assertEquals(EffectivePrivilegeLevelEnum.CAN_EDIT, added.getLevel());
    wm.verify(postRequestedFor(urlEqualTo(path))
        .withRequestBody(equalToJson(json("{'user_uuid':'" + user + "','level':37}"))));

    List<DashboardCollaborator> all = dashboards.collaborators(12);
    assertEquals("ada@example.com", all.get(0).getUser().getEmail());

    dashboards.removeCollaborator(12, user);
    wm.verify(1, deleteRequestedFor(urlEqualTo(path + user + "/")));
  }

  @Test
  void sharingIsOneObject() {
    wm.stubFor(get(urlEqualTo(BASE + "12/sharing/")).willReturn(jsonAnswer(200,
        "{'enabled':true,'access_token':'tok'}")));

    assertEquals("tok", dashboards.sharing(12).getAccessToken());
  }

  @Test
  void moveTileSendsTheTileAndTheTargetDashboard() {
    wm.stubFor(patch(urlEqualTo(BASE + "12/move_tile/")).willReturn(jsonAnswer(200,
        "{'id':12,'name':'KPIs','tiles':[]}")));

    Dashboard left = dashboards.moveTile(12, 3, 14);

    assertEquals(0, left.getTiles().size());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "12/move_tile/"))
        .withRequestBody(equalToJson(json("{'tile':{'id':3},'to_dashboard':14}"))));
  }

  @Test
  void createFromTemplateJsonSendsTheTemplate() {
    wm.stubFor(post(urlEqualTo(BASE + "create_from_template_json/")).willReturn(jsonAnswer(200,
        "{'id':15,'name':'Web analytics','tiles':[]}")));

    Dashboard created = dashboards.createFromTemplateJson(new DashboardFromTemplateRequest()
        .template(Trees.json(Map.of("template_name", "Web analytics", "tiles", List.of()))));

    assertEquals(15, created.getId());
    wm.verify(1, postRequestedFor(urlEqualTo(BASE + "create_from_template_json/"))
        .withRequestBody(equalToJson(json(
            "{'template':{'template_name':'Web analytics','tiles':[]}}"))));
  }

  @Test
  void getCanOverrideFilters() {
    wm.stubFor(get(urlEqualTo(BASE + "12/?filters_override=%7B%22date_from%22%3A%22-7d%22%7D"))
        .willReturn(jsonAnswer(200, "{'id':12,'name':'KPIs'}")));

    assertEquals("KPIs", dashboards.get(12, new DashboardsRetrieveQuery()
        .filtersOverride("{\"date_from\":\"-7d\"}")).getName());
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> dashboards.create(null));
    assertThrows(NullPointerException.class, () -> dashboards.update(12, null));
    assertThrows(NullPointerException.class, () -> dashboards.moveTile(12, null));
    assertThrows(NullPointerException.class,
        () -> dashboards.moveTile(12, new DashboardMoveTileRequest().toDashboard(14L)));
    assertThrows(NullPointerException.class, () -> dashboards.createFromTemplateJson(
        new DashboardFromTemplateRequest()));
    assertThrows(NullPointerException.class, () -> dashboards.removeCollaborator(12, null));
    wm.verify(0, anyRequestedFor(anyUrl()));
    assertFalse(dashboards.toString().isEmpty());
  }
}
