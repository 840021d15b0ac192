package dev.hedgekit.posthog.resources;

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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.errors.MethodNotAllowedException;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.generated.api.ActionsApi.ActionsListQuery;
import dev.hedgekit.posthog.generated.api.ActivityLogApi.ActivityLogListQuery;
import dev.hedgekit.posthog.generated.api.GroupsApi.GroupsListQuery;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi.SessionRecordingsListQuery;
import dev.hedgekit.posthog.generated.model.Action;
import dev.hedgekit.posthog.generated.model.Group;
import dev.hedgekit.posthog.generated.model.SessionRecordingsResponse;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.generated.model.PatchedAction;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The groups without a test class of their own: their delete kind and their odd shapes. */
class ProjectResourcesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String P = "/api/projects/42/";

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
  void softDeletesSendThePatchOfDeleted() {
    wm.stubFor(patch(urlEqualTo(P + "actions/4/")).willReturn(jsonAnswer(200, "{'id':4,'deleted':true}")));
    wm.stubFor(patch(urlEqualTo(P + "notebooks/nb1/")).willReturn(jsonAnswer(200, "{'short_id':'nb1','deleted':true}")));
    wm.stubFor(patch(urlEqualTo(P + "session_recording_playlists/pl1/")).willReturn(jsonAnswer(200,
        "{'short_id':'pl1','deleted':true}")));
    wm.stubFor(patch(urlEqualTo(P + "subscriptions/8/")).willReturn(jsonAnswer(200, "{'id':8,'deleted':true}")));

    assertEquals(Boolean.TRUE, client.project(42).actions().delete(4).getDeleted());
    assertEquals(Boolean.TRUE, client.project(42).notebooks().delete("nb1").getDeleted());
    assertEquals(Boolean.TRUE, client.project(42).sessionRecordingPlaylists().delete("pl1").getDeleted());
    assertEquals(Boolean.TRUE, client.project(42).subscriptions().delete(8).getDeleted());

    String deleted = json("{'deleted':true}");
    wm.verify(patchRequestedFor(urlEqualTo(P + "actions/4/")).withRequestBody(equalToJson(deleted)));
    wm.verify(patchRequestedFor(urlEqualTo(P + "notebooks/nb1/")).withRequestBody(equalToJson(deleted)));
    wm.verify(patchRequestedFor(urlEqualTo(P + "session_recording_playlists/pl1/"))
        .withRequestBody(equalToJson(deleted)));
    wm.verify(patchRequestedFor(urlEqualTo(P + "subscriptions/8/")).withRequestBody(equalToJson(deleted)));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void realDeletesSendTheDelete() {
    String id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    for (String path : List.of("early_access_feature/", "event_definitions/", "property_definitions/")) {
      wm.stubFor(delete(urlEqualTo(P + path + id + "/")).willReturn(aResponse().withStatus(204)));
    }
    // a recording's id is the session id the SDK sent: free text, not necessarily a UUID
    wm.stubFor(delete(urlEqualTo(P + "session_recordings/s-1700000000-abc/"))
        .willReturn(aResponse().withStatus(204)));

    client.project(42).earlyAccessFeatures().delete(id);
    client.project(42).eventDefinitions().delete(id);
    client.project(42).propertyDefinitions().delete(id);
    client.project(42).sessionRecordings().delete("s-1700000000-abc");

    wm.verify(4, deleteRequestedFor(anyUrl()));
    wm.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void dashboardTemplateDeleteIsRefusedByPostHog() {
    String id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    wm.stubFor(delete(urlEqualTo(P + "dashboard_templates/" + id + "/")).willReturn(jsonAnswer(405,
        "{'type':'invalid_request','code':'method_not_allowed','detail':'Method \\u0022DELETE\\u0022 not allowed.'}")));

    assertThrows(MethodNotAllowedException.class, () -> client.project(42).dashboardTemplates().delete(id));
  }

  @Test
  void exportContentIsReturnedAsBytes() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    wm.stubFor(get(urlEqualTo(P + "exports/5/content/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "image/png").withBody(png)));
    wm.stubFor(get(urlEqualTo(P + "exports/6/content/")).willReturn(jsonAnswer(404,
        "{'type':'invalid_request','code':'not_found','detail':'Not found.'}")));

    assertArrayEquals(png, client.project(42).exports().content(5));
    assertThrows(NotFoundException.class, () -> client.project(42).exports().content(6));
  }

  @Test
  void groupsNeedATypeIndexAndFollowCursorLinks() {
    String first = P + "groups/?group_type_index=0";
    String second = P + "groups/?cursor=c2&group_type_index=0";
    wm.stubFor(get(urlEqualTo(first)).willReturn(jsonAnswer(200,
        "{'next':'" + wm.baseUrl() + second + "','previous':null,"
        + "'results':[{'group_type_index':0,'group_key':'acme'}]}")));
    wm.stubFor(get(urlEqualTo(second)).willReturn(jsonAnswer(200,
        "{'next':null,'results':[{'group_type_index':0,'group_key':'globex'}]}")));

    List<String> keys = client.project(42).groups().listAll(0).stream().map(Group::getGroupKey)
        .collect(Collectors.toList());

    assertEquals(List.of("acme", "globex"), keys);
    assertThrows(NullPointerException.class, () -> client.project(42).groups().list(new GroupsListQuery().search("a")));
    wm.verify(1, getRequestedFor(urlEqualTo(first)));
  }

  @Test
  void addingARecordingToAPlaylistSendsNoBody() {
    String path = P + "session_recording_playlists/pl1/recordings/rec-9/";
    wm.stubFor(post(urlEqualTo(path)).willReturn(jsonAnswer(200, "{'success':true}")));
    wm.stubFor(delete(urlEqualTo(path)).willReturn(jsonAnswer(200, "{'success':true}")));

    SessionRecordingPlaylists playlists = client.project(42).sessionRecordingPlaylists();
    assertEquals(Boolean.TRUE, playlists.addRecording("pl1", "rec-9").getSuccess());
    assertEquals(Boolean.TRUE, playlists.removeRecording("pl1", "rec-9").getSuccess());

    ResourceTestSupport.assertSentWithoutBody(wm, postRequestedFor(urlEqualTo(path)));
    wm.verify(deleteRequestedFor(urlEqualTo(path)));
  }

  @Test
  void recordingsListAnswersABatchWithHasNext() {
    wm.stubFor(get(urlEqualTo(P + "session_recordings/?limit=1&offset=1")).willReturn(jsonAnswer(200,
        "{'results':[{'id':'s-2','recording_duration':31}],'has_next':true,'version':2}")));

    SessionRecordingsResponse batch = client.project(42).sessionRecordings()
        .list(new SessionRecordingsListQuery().limit(1L).offset(1L));

    assertEquals("s-2", batch.getResults().get(0).getId());
    assertEquals(Boolean.TRUE, batch.getHasNext());
  }

  @Test
  void activityLogIsAPageFollowedByItsCursorLinks() {
    String second = P + "activity_log/?cursor=c2";
    wm.stubFor(get(urlEqualTo(P + "activity_log/?scope=FeatureFlag")).willReturn(jsonAnswer(200,
        "{'next':'" + wm.baseUrl() + second + "','previous':null,'results':[{'id':'0190a1b2-0000-7000-8000-000000000001',"
        + "'activity':'updated','scope':'FeatureFlag','user':{'id':3,'email':'ada@example.com'}}]}")));
    wm.stubFor(get(urlEqualTo(second)).willReturn(jsonAnswer(200,
        "{'next':null,'previous':null,'results':[{'id':'0190a1b2-0000-7000-8000-000000000002',"
        + "'activity':'created','scope':'FeatureFlag','user':null}]}")));

    ActivityLog log = client.project(42).activityLog();
    Page<dev.hedgekit.posthog.generated.model.ActivityLog> first =
        log.list(new ActivityLogListQuery().scope("FeatureFlag"));
    List<String> all = log.listAll(new ActivityLogListQuery().scope("FeatureFlag")).stream()
        .map(dev.hedgekit.posthog.generated.model.ActivityLog::getActivity)
        .collect(Collectors.toList());

    assertEquals("FeatureFlag", first.results().get(0).getScope());
    assertEquals("ada@example.com", first.results().get(0).getUser().getEmail());
    assertEquals(List.of("updated", "created"), all);
    wm.verify(1, getRequestedFor(urlEqualTo(second)));
  }

  @Test
  void actionsAreAnsweredWhole() {
    wm.stubFor(get(urlEqualTo(P + "actions/?include_reference_count=true")).willReturn(jsonAnswer(200,
        "{'results':[{'id':4,'name':'Signed up'},{'id':5,'name':'Paid'}]}")));

    List<Action> actions = client.project(42).actions()
        .list(new ActionsListQuery().includeReferenceCount(true));

    assertEquals(List.of(4L, 5L), actions.stream().map(Action::getId).collect(Collectors.toList()));
  }

  @Test
  void idsAndBodiesAreCheckedBeforeAnyRequest() {
    assertThrows(IllegalArgumentException.class, () -> client.project(42).notebooks().get(""));
    assertThrows(NullPointerException.class, () -> client.project(42).sessionRecordingPlaylists().update("pl1", null));
    assertThrows(NullPointerException.class, () -> client.project(42).actions().update(4, (PatchedAction) null));
    assertThrows(NullPointerException.class, () -> client.project(42).propertyDefinitions().get(null));
    assertThrows(NullPointerException.class, () -> client.project(42).events().get(null));
    assertThrows(IllegalArgumentException.class, () -> client.project(42).sessionRecordings().get(""));
    assertThrows(IllegalArgumentException.class, () -> client.project(42).events().values(""));
    assertThrows(IllegalArgumentException.class, () -> client.project(42).groups().find(0, ""));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
