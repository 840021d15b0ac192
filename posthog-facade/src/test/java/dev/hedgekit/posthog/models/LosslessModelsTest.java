package dev.hedgekit.posthog.models;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.model.Annotation;
import dev.hedgekit.posthog.generated.model.AnnotationScopeEnum;
import dev.hedgekit.posthog.generated.model.PatchedAnnotation;
import dev.hedgekit.posthog.generated.model.PersonRecord;
import dev.hedgekit.posthog.generated.model.SessionRecording;
import dev.hedgekit.posthog.generated.model.UserBasic;
import dev.hedgekit.posthog.generated.support.InvalidValueException;
import dev.hedgekit.posthog.internal.json.Json;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import dev.hedgekit.posthog.support.Trees;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What PostHog sends survives the typed layer: fields and enum values this SDK does not know,
 * explicit nulls, 64-bit ids, values that do not fit their declared type, and recording ids
 * that are not UUIDs. Bodies start from recorded PostHog answers (posthog-responses/, see
 * SOURCES.yaml) with the unknown parts added, and every round trip goes over HTTP: decoded
 * from a GET, sent back with a PUT, compared with what WireMock received.
 */
class LosslessModelsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String ANNOTATIONS = "/api/projects/1/annotations/";

  private PostHogClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.builder(wm, new RecordingSleeper()).projectId("1").build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static JsonNode recorded(String file) {
    try (InputStream in = LosslessModelsTest.class.getResourceAsStream("/posthog-responses/"
        + file)) {
      return Trees.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The first annotation of the recorded list, with parts this SDK cannot know. */
  private static ObjectNode annotationFromTheFuture() {
    ObjectNode a = (ObjectNode) recorded("annotations/list-page.json").path("results").get(0)
        .deepCopy();
    a.put("scope", "hog_function");                                   // a standalone enum
    ObjectNode by = (ObjectNode) a.get("created_by");
    by.put("role_at_organization", "hedgehog_wrangler");              // an enum inside a model
    by.putObject("avatar").put("shape", "round");                     // unknown, nested
    a.putArray("linked_flags").add(7).add(9);                         // unknown, top level
    a.put("pinned_note", (String) null);                              // unknown explicit null
    return a;
  }

  @Test
  void unknownFieldsAndEnumValuesSurviveDecodeAndEncode() {
    ObjectNode sent = annotationFromTheFuture();
    long id = sent.get("id").asLong();
    wm.stubFor(get(urlEqualTo(ANNOTATIONS + id + "/")).willReturn(okJson(sent.toString())));
    wm.stubFor(put(urlEqualTo(ANNOTATIONS + id + "/")).willReturn(okJson(sent.toString())));

    Annotation a = client.project().annotations().get(id);

    AnnotationScopeEnum scope = a.getScope();
    assertFalse(scope.isKnown());
    assertEquals("hog_function", scope.value());
    assertEquals(AnnotationScopeEnum.Known._UNKNOWN, scope.known());
    UserBasic by = a.getCreatedBy();
    assertFalse(by.getRoleAtOrganization().isKnown());
    assertEquals("hedgehog_wrangler", by.getRoleAtOrganization().value());
    assertEquals("round", by.additionalProperty("avatar").path("shape").asText());
    assertEquals(2, a.additionalProperty("linked_flags").size());
    assertTrue(a.additionalProperties().get("pinned_note").isNull());
    assertTrue(a.toString().contains("linked_flags"), a.toString());

    client.project().annotations().replace(id, a);
    wm.verify(putRequestedFor(urlEqualTo(ANNOTATIONS + id + "/"))
        .withRequestBody(equalToJson(sent.toString())));
  }

  @Test
  void aKnownEnumValueIsAConstantForSwitch() {
    ObjectNode sent = annotationFromTheFuture();
    sent.put("scope", "dashboard");
    long id = sent.get("id").asLong();
    wm.stubFor(get(urlEqualTo(ANNOTATIONS + id + "/")).willReturn(okJson(sent.toString())));
    String where;
    switch (client.project().annotations().get(id).getScope().known()) {
      case DASHBOARD:
        where = "dashboard";
        break;
      default:
        where = "elsewhere";
    }
    assertEquals("dashboard", where);
  }

  @Test
  void extraFieldsOfAPageEnvelopeAreKept() {
    ObjectNode page = recorded("annotations/list-page.json").deepCopy();
    page.put("has_more_annotations_elsewhere", true);
    wm.stubFor(get(urlPathEqualTo(ANNOTATIONS)).willReturn(okJson(page.toString())));
    Page<Annotation> p = client.project().annotations().list();
    assertEquals(page.get("results").size(), p.results().size());
    assertTrue(p.extraFields().get("has_more_annotations_elsewhere").asBoolean());
    assertEquals(100, p.count().getAsLong());
  }

  @Test
  void aPatchSendsAnExplicitNullAndLeavesUnsetFieldsOut() {
    ObjectNode answer = recorded("annotations/list-page.json").path("results").get(1).deepCopy();
    long id = answer.get("id").asLong();
    answer.putNull("dashboard_item");
    wm.stubFor(patch(urlEqualTo(ANNOTATIONS + id + "/")).willReturn(okJson(answer.toString())));

    PatchedAnnotation patch = new PatchedAnnotation().dashboardItem(null).content("moved");
    assertTrue(patch.isExplicitNull("dashboard_item"));
    Annotation updated = client.project().annotations().update(id, patch);

    wm.verify(patchRequestedFor(urlEqualTo(ANNOTATIONS + id + "/"))
        .withRequestBody(equalToJson("{\"dashboard_item\": null, \"content\": \"moved\"}")));
    assertNull(updated.getDashboardItem());
    assertTrue(updated.isExplicitNull("dashboard_item"));
  }

  @Test
  void a64BitPersonIdRoundTrips() {
    ObjectNode person = recorded("persons/retrieve-bigint-id.json").deepCopy();
    long big = 9_007_199_254_740_993L;                                 // beyond 2^53 as well
    person.put("id", big);
    String uuid = person.get("uuid").asText();
    wm.stubFor(get(urlEqualTo("/api/projects/1/persons/" + uuid + "/"))
        .willReturn(okJson(person.toString())));
    PersonRecord p = client.project().persons().get(uuid);
    assertEquals(big, p.getId());
    JsonNode written = Json.mapper().valueToTree(p);
    assertEquals(person.get("id").toString(), written.get("id").toString());
  }

  @Test
  void aValueThatDoesNotFitFailsOnlyItsOwnAccessor() {
    ObjectNode page = recorded("annotations/list-page.json").deepCopy();
    ((ObjectNode) page.get("results").get(1)).put("date_marker", "last tuesday");
    ((ObjectNode) page.get("results").get(2).get("created_by")).put("id", "not-a-number");
    wm.stubFor(get(urlPathEqualTo(ANNOTATIONS)).willReturn(okJson(page.toString())));

    Page<Annotation> p = client.project().annotations().list();

    assertEquals(page.get("results").size(), p.results().size());
    assertEquals("YC First Five feature", p.results().get(1).getContent());
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> p.results().get(1).getDateMarker());
    assertTrue(e.getMessage().contains("date_marker"), e.getMessage());
    assertEquals("last tuesday", p.results().get(1).rawValue("date_marker").asText());
    assertThrows(InvalidValueException.class, () -> p.results().get(2).getCreatedBy().getId());
    assertEquals(page.get("results").get(2).get("created_by").get("email").asText(),
        p.results().get(2).getCreatedBy().getEmail());
    JsonNode back = Json.mapper().valueToTree(p.results().get(1));
    assertEquals("last tuesday", back.get("date_marker").asText(), "written back unchanged");
  }

  @Test
  void recordingIdsThatAreNotUuidsAreAccepted() {
    String legacyId = "17c49bdf172ca-0a1b2c3d4e5f67-19283746-1fa400-17c49bdf1739d";
    ObjectNode recording = recorded("session_recordings/retrieve-current.json").deepCopy();
    recording.put("id", legacyId);
    String path = "/api/projects/1/session_recordings/" + legacyId + "/";
    wm.stubFor(get(urlEqualTo(path)).willReturn(okJson(recording.toString())));

    SessionRecording r = client.project().sessionRecordings().get(legacyId);
    assertEquals(legacyId, r.getId());

    ToolResult t = client.toolkit().execute("POSTHOG_RETRIEVE_SESSION_RECORDING_DETAILS",
        Map.of("project_id", "1", "id", legacyId));
    assertTrue(t.successful(), t::toJsonString);
    assertEquals(legacyId, t.data().path("id").asText());
    wm.verify(2, getRequestedFor(urlEqualTo(path)));
  }
}
