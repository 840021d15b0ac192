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
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.PersonsApi.PersonsDestroyQuery;
import dev.hedgekit.posthog.generated.api.PersonsApi.PersonsListQuery;
import dev.hedgekit.posthog.generated.model.CohortPersonResult;
import dev.hedgekit.posthog.generated.model.PatchedPersonRecord;
import dev.hedgekit.posthog.generated.model.PersonRecord;
import dev.hedgekit.posthog.generated.model.PersonSplitRequest;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Persons have no create operation (they come from captured events), so the round trip is get,
 * update, list and the real delete (DELETE answers 202). Reading and changing one person goes by
 * its UUID; deleting, splitting and the timeline by its numeric id.
 */
class PersonsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/persons/";
  private static final String UUID_9 = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

  private PostHogClient client;
  private Persons persons;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    persons = client.project(42).persons();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void getUpdateListAndDelete() {
    wm.stubFor(get(urlEqualTo(BASE + UUID_9 + "/")).willReturn(jsonAnswer(200,
        "{'id':9,'name':'ada@example.com','distinct_ids':['u-1','anon-2'],"
        + "'properties':{'email':'ada@example.com','plan':'free'},"
        + "'uuid':'" + UUID_9 + "','created_at':'2024-05-01T10:00:00Z'}")));
    wm.stubFor(patch(urlEqualTo(BASE + UUID_9 + "/")).willReturn(aResponse().withStatus(202)));
    wm.stubFor(get(urlEqualTo(BASE + "?email=ada%40example.com&limit=1")).willReturn(jsonAnswer(200,
        "{'next':null,'previous':null,'results':[{'id':'" + UUID_9 + "','uuid':'" + UUID_9 + "',"
        + "'type':'person','distinct_ids':['u-1']}]}")));
    wm.stubFor(delete(urlEqualTo(BASE + "9/")).willReturn(aResponse().withStatus(202)));

    PersonRecord read = persons.get(UUID_9);
    assertEquals(9L, read.getId());
    assertEquals(List.of("u-1", "anon-2"), read.getDistinctIds());
    assertEquals(UUID_9, read.getUuid());
    assertEquals("free", read.getProperties().get("plan").asText());

    persons.update(UUID_9, new PatchedPersonRecord().properties(Trees.json(Map.of("plan", "pro"))));
    wm.verify(patchRequestedFor(urlEqualTo(BASE + UUID_9 + "/"))
        .withRequestBody(equalToJson(json("{'properties':{'plan':'pro'}}"))));

    Page<CohortPersonResult> page = persons.list(new PersonsListQuery().email("ada@example.com").limit(1L));
    assertEquals(UUID_9, page.results().get(0).getId());
    assertEquals(List.of("u-1"), page.results().get(0).getDistinctIds());
    assertEquals(false, page.count().isPresent());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?email=ada%40example.com&limit=1")));

    persons.delete(read.getId());
    wm.verify(1, deleteRequestedFor(urlEqualTo(BASE + "9/")));
    wm.verify(0, patchRequestedFor(urlEqualTo(BASE + "9/")).withRequestBody(equalToJson(json("{'deleted':true}"))));
  }

  @Test
  void deleteCanQueueTheDeletionOfEvents() {
    wm.stubFor(delete(urlEqualTo(BASE + "9/?delete_events=true")).willReturn(aResponse().withStatus(202)));

    persons.delete(9, new PersonsDestroyQuery().deleteEvents(true));

    wm.verify(1, deleteRequestedFor(urlEqualTo(BASE + "9/?delete_events=true")));
  }

  @Test
  void updatePropertyAndDeletePropertySendTheirBodies() {
    wm.stubFor(post(urlEqualTo(BASE + UUID_9 + "/update_property/")).willReturn(aResponse().withStatus(202)));
    wm.stubFor(post(urlEqualTo(BASE + UUID_9 + "/delete_property/")).willReturn(jsonAnswer(201, "{'success':true}")));

    persons.updateProperty(UUID_9, "plan", "pro");
    assertEquals(Boolean.TRUE, persons.deleteProperty(UUID_9, "legacy_id").getSuccess());

    wm.verify(postRequestedFor(urlEqualTo(BASE + UUID_9 + "/update_property/"))
        .withRequestBody(equalToJson(json("{'key':'plan','value':'pro'}"))));
    wm.verify(postRequestedFor(urlEqualTo(BASE + UUID_9 + "/delete_property/"))
        .withRequestBody(equalToJson(json("{'$unset':'legacy_id'}"))));
  }

  @Test
  void splitSendsTheDistinctIdToKeep() {
    wm.stubFor(post(urlEqualTo(BASE + "9/split/")).willReturn(jsonAnswer(201, "{'success':true}")));

    assertEquals(Boolean.TRUE,
        persons.split(9, new PersonSplitRequest().mainDistinctId("u-1")).getSuccess());

    wm.verify(1, postRequestedFor(urlEqualTo(BASE + "9/split/"))
        .withRequestBody(equalToJson(json("{'main_distinct_id':'u-1'}"), false, false)));
  }

  @Test
  void cohortsValuesAndTimelineTakeWhatPostHogReads() {
    wm.stubFor(get(urlEqualTo(BASE + "cohorts/?person_id=" + UUID_9)).willReturn(jsonAnswer(200,
        "{'results':[{'id':5,'name':'Paying users'}]}")));
    wm.stubFor(get(urlEqualTo(BASE + "values/?key=plan")).willReturn(jsonAnswer(200,
        "{'results':[{'name':'pro','count':3}],'refreshing':false}")));
    wm.stubFor(get(urlEqualTo(BASE + "9/properties_timeline/")).willReturn(jsonAnswer(200,
        "{'points':[],'crucial_property_keys':['plan'],'effective_date_from':'2026-01-01',"
        + "'effective_date_to':'2026-02-01'}")));

    assertEquals("Paying users", persons.cohorts(UUID_9).getResults().get(0).getName());
    assertEquals(3L, persons.values("plan").getResults().get(0).getCount());
    assertEquals(List.of("plan"), persons.propertiesTimeline(9).getCrucialPropertyKeys());

    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "cohorts/?person_id=" + UUID_9)));
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "values/?key=plan")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void legacyLifecycleSendsTheDateAndBucket() {
    wm.stubFor(get(urlEqualTo(BASE + "lifecycle/?target_date=2026-05-01&lifecycle_type=new"))
        .willReturn(jsonAnswer(200, "{'results':[{'people':[],'count':0}],'next':null}")));

    assertEquals(0L, persons.lifecycle("2026-05-01", "new").getResults().get(0).getCount());

    wm.verify(1, getRequestedFor(
        urlEqualTo(BASE + "lifecycle/?target_date=2026-05-01&lifecycle_type=new")));
    assertThrows(IllegalArgumentException.class, () -> persons.lifecycle("2026-05-01", "gone"));
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> persons.get(null));
    assertThrows(IllegalArgumentException.class, () -> persons.get(""));
    assertThrows(NullPointerException.class, () -> persons.update(UUID_9, null));
    assertThrows(NullPointerException.class, () -> persons.delete(9, null));
    assertThrows(NullPointerException.class, () -> persons.updateProperty(UUID_9, null, "x"));
    assertThrows(IllegalArgumentException.class, () -> persons.deleteProperty(UUID_9, ""));
    assertThrows(NullPointerException.class, () -> persons.split(9, null));
    assertThrows(IllegalArgumentException.class, () -> persons.values(""));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
