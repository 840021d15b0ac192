package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import dev.hedgekit.posthog.generated.api.AnnotationsApi.AnnotationsListQuery;
import dev.hedgekit.posthog.generated.model.Annotation;
import dev.hedgekit.posthog.generated.model.AnnotationScopeEnum;
import dev.hedgekit.posthog.generated.model.PatchedAnnotation;
import dev.hedgekit.posthog.pagination.Page;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnnotationsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/annotations/";

  private PostHogClient client;
  private Annotations annotations;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    annotations = client.project(42).annotations();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createGetUpdateListAndSoftDelete() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201,
        "{'id':7,'content':'Release 2.0','date_marker':'2024-05-01T10:00:00Z','scope':'project','deleted':false}")));
    wm.stubFor(get(urlEqualTo(BASE + "7/")).willReturn(jsonAnswer(200,
        "{'id':7,'content':'Release 2.0','scope':'project','created_by':{'id':3,'email':'ada@example.com'}}")));
    wm.stubFor(patch(urlEqualTo(BASE + "7/")).willReturn(jsonAnswer(200,
        "{'id':7,'content':'Release 2.0.1','scope':'project','deleted':false}")));
    wm.stubFor(get(urlEqualTo(BASE + "?limit=2&search=release")).willReturn(jsonAnswer(200,
        "{'count':3,'next':'" + wm.baseUrl() + BASE + "?limit=2&offset=2&search=release','previous':null,"
        + "'results':[{'id':7,'content':'Release 2.0.1'},{'id':8,'content':'Release 1.9'}]}")));

    Annotation created = annotations.create(new Annotation().content("Release 2.0")
        .dateMarker(OffsetDateTime.parse("2024-05-01T10:00:00Z")).scope(AnnotationScopeEnum.PROJECT));
    assertEquals(7, created.getId());
    assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00Z"), created.getDateMarker());
    assertEquals(AnnotationScopeEnum.PROJECT, created.getScope());
    wm.verify(postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json(
        "{'content':'Release 2.0','date_marker':'2024-05-01T10:00:00Z','scope':'project'}"))));

    Annotation read = annotations.get(7);
    assertEquals("Release 2.0", read.getContent());
    assertEquals("ada@example.com", read.getCreatedBy().getEmail());

    Annotation changed = annotations.update(7, new PatchedAnnotation().content("Release 2.0.1"));
    assertEquals("Release 2.0.1", changed.getContent());
    wm.verify(patchRequestedFor(urlEqualTo(BASE + "7/"))
        .withRequestBody(equalToJson(json("{'content':'Release 2.0.1'}"))));

    Page<Annotation> page = annotations.list(new AnnotationsListQuery().limit(2L).search("release"));
    assertEquals(List.of(7L, 8L), page.results().stream().map(Annotation::getId).collect(Collectors.toList()));
    assertEquals(3L, page.count().getAsLong());
    assertTrue(page.hasNext());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?limit=2&search=release")));

    wm.resetRequests();
    wm.stubFor(patch(urlEqualTo(BASE + "7/")).willReturn(jsonAnswer(200, "{'id':7,'deleted':true}")));
    Annotation deleted = annotations.delete(7);
    assertEquals(Boolean.TRUE, deleted.getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "7/"))
        .withRequestBody(equalToJson(json("{'deleted':true}"))));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void replaceSendsThePutWithTheFullBody() {
    // Annotations have no custom action: the PUT is the one call beyond the round trip.
    wm.stubFor(put(urlEqualTo(BASE + "7/")).willReturn(jsonAnswer(200,
        "{'id':7,'content':'Outage','scope':'organization'}")));

    Annotation replaced = annotations.replace(7, new Annotation().content("Outage")
        .scope(AnnotationScopeEnum.ORGANIZATION));

    assertEquals(AnnotationScopeEnum.ORGANIZATION, replaced.getScope());
    wm.verify(putRequestedFor(urlEqualTo(BASE + "7/"))
        .withRequestBody(equalToJson(json("{'content':'Outage','scope':'organization'}"))));
  }

  @Test
  void listAllFollowsTheNextLinks() {
    wm.stubFor(get(urlEqualTo(BASE)).willReturn(jsonAnswer(200,
        "{'count':3,'next':'" + wm.baseUrl() + BASE + "?offset=2','results':[{'id':1},{'id':2}]}")));
    wm.stubFor(get(urlEqualTo(BASE + "?offset=2")).willReturn(jsonAnswer(200,
        "{'count':3,'next':null,'results':[{'id':3}]}")));

    List<Long> ids = annotations.listAll().stream().map(Annotation::getId).collect(Collectors.toList());

    assertEquals(List.of(1L, 2L, 3L), ids);
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> annotations.create(null));
    assertThrows(NullPointerException.class, () -> annotations.update(7, null));
    assertThrows(NullPointerException.class, () -> annotations.list(null));
    assertThrows(IllegalArgumentException.class, () -> client.project("").annotations());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
