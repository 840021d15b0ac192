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
import dev.hedgekit.posthog.generated.model.PatchedPerson;
import dev.hedgekit.posthog.generated.model.Person;
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
 * update, list and the real delete (DELETE answers 202).
 */
class PersonsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/persons/";

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
    wm.stubFor(get(urlEqualTo(BASE + "9/")).willReturn(jsonAnswer(200,
        "{'id':9,'name':'ada@example.com','distinct_ids':['u-1','anon-2'],"
        + "'properties':{'email':'ada@example.com','plan':'free'},"
        + "'uuid':'0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b','created_at':'2024-05-01T10:00:00Z'}")));
    wm.stubFor(patch(urlEqualTo(BASE + "9/")).willReturn(aResponse().withStatus(202)));
    wm.stubFor(get(urlEqualTo(BASE + "?email=ada%40example.com&limit=1")).willReturn(jsonAnswer(200,
        "{'next':null,'previous':null,'results':[{'id':9,'distinct_ids':['u-1']}]}")));
    wm.stubFor(delete(urlEqualTo(BASE + "9/")).willReturn(aResponse().withStatus(202)));

    Person read = persons.get(9);
    assertEquals(List.of("u-1", "anon-2"), read.getDistinctIds());
    assertEquals(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), read.getUuid());
    assertEquals("free", read.getProperties().get("plan").asText());

    persons.update(9, new PatchedPerson().properties(Trees.json(Map.of("plan", "pro"))));
    wm.verify(patchRequestedFor(urlEqualTo(BASE + "9/"))
        .withRequestBody(equalToJson(json("{'properties':{'plan':'pro'}}"))));

    Page<Person> page = persons.list(new PersonsListQuery().email("ada@example.com").limit(1L));
    assertEquals(9, page.results().get(0).getId());
    assertEquals(false, page.count().isPresent());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?email=ada%40example.com&limit=1")));

    persons.delete(9);
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
    wm.stubFor(post(urlEqualTo(BASE + "9/update_property/")).willReturn(aResponse().withStatus(202)));
    wm.stubFor(post(urlEqualTo(BASE + "9/delete_property/")).willReturn(jsonAnswer(201, "{'ok':true}")));

    persons.updateProperty(9, "plan", "pro");
    assertEquals(true, persons.deleteProperty(9, "legacy_id").get("ok").asBoolean());

    wm.verify(postRequestedFor(urlEqualTo(BASE + "9/update_property/"))
        .withRequestBody(equalToJson(json("{'key':'plan','value':'pro'}"))));
    wm.verify(postRequestedFor(urlEqualTo(BASE + "9/delete_property/"))
        .withRequestBody(equalToJson(json("{'$unset':'legacy_id'}"))));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> persons.update(9, null));
    assertThrows(NullPointerException.class, () -> persons.delete(9, null));
    assertThrows(NullPointerException.class, () -> persons.updateProperty(9, null, "x"));
    assertThrows(IllegalArgumentException.class, () -> persons.deleteProperty(9, ""));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
