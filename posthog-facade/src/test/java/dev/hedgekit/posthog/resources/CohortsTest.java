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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.json;
import static dev.hedgekit.posthog.resources.ResourceTestSupport.jsonAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.CohortsApi.CohortsListQuery;
import dev.hedgekit.posthog.generated.api.CohortsApi.CohortsPersonsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.Cohort;
import dev.hedgekit.posthog.generated.model.CohortFilterGroup;
import dev.hedgekit.posthog.generated.model.CohortFilters;
import dev.hedgekit.posthog.generated.model.CohortPersonResult;
import dev.hedgekit.posthog.generated.model.PropertyGroupOperator;
import dev.hedgekit.posthog.generated.model.PatchedCohort;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CohortsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/cohorts/";

  private PostHogClient client;
  private Cohorts cohorts;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    cohorts = client.project("42").cohorts();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createGetUpdateListAndSoftDelete() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201,
        "{'id':5,'name':'Paying users','is_static':false,'is_calculating':true,'count':null}")));
    wm.stubFor(get(urlEqualTo(BASE + "5/")).willReturn(jsonAnswer(200,
        "{'id':5,'name':'Paying users','is_calculating':false,'count':1234,"
        + "'last_calculation':'2024-05-01T10:00:00Z'}")));
    wm.stubFor(patch(urlEqualTo(BASE + "5/")).willReturn(jsonAnswer(200,
        "{'id':5,'name':'Paying users','description':'Plan is not free'}")));
    wm.stubFor(get(urlEqualTo(BASE + "?limit=10")).willReturn(jsonAnswer(200,
        "{'count':1,'next':null,'previous':null,'results':[{'id':5,'name':'Paying users','count':1234}]}")));

    CohortFilters filters = new CohortFilters().properties(new CohortFilterGroup()
        .type(PropertyGroupOperator.AND).values(List.of()));
    Cohort created = cohorts.create(new Cohort().name("Paying users").filters(filters));
    assertEquals(5, created.getId());
    assertEquals(Boolean.TRUE, created.getIsCalculating());
    wm.verify(postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json(
        "{'name':'Paying users','filters':{'properties':{'type':'AND','values':[]}}}"))));

    Cohort read = cohorts.get(5);
    assertEquals(1234, read.getCount());
    assertEquals(2024, read.getLastCalculation().getYear());

    Cohort changed = cohorts.update(5, new PatchedCohort().description("Plan is not free"));
    assertEquals("Plan is not free", changed.getDescription());
    wm.verify(patchRequestedFor(urlEqualTo(BASE + "5/"))
        .withRequestBody(equalToJson(json("{'description':'Plan is not free'}"))));

    Page<Cohort> page = cohorts.list(new CohortsListQuery().limit(10L));
    assertEquals(1234, page.results().get(0).getCount());
    assertFalse(page.hasNext());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?limit=10")));

    wm.resetRequests();
    wm.stubFor(patch(urlEqualTo(BASE + "5/")).willReturn(jsonAnswer(200, "{'id':5,'deleted':true}")));
    assertEquals(Boolean.TRUE, cohorts.delete(5).getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "5/")).withRequestBody(equalToJson(json("{'deleted':true}"))));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void duplicateAsStaticCohortAnswersTheNewCohort() {
    wm.stubFor(get(urlEqualTo(BASE + "5/duplicate_as_static_cohort/")).willReturn(jsonAnswer(200,
        "{'id':6,'name':'Paying users (static copy)','is_static':true}")));

    Cohort copy = cohorts.duplicateAsStaticCohort(5);

    assertEquals(6L, copy.getId());
    assertEquals(Boolean.TRUE, copy.getIsStatic());
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "5/duplicate_as_static_cohort/")));
  }

  @Test
  void personsOfACohortArePagedByTheirLinks() {
    String second = BASE + "5/persons/?limit=1&offset=1";
    wm.stubFor(get(urlEqualTo(BASE + "5/persons/?limit=1")).willReturn(jsonAnswer(200,
        "{'results':[{'id':'0190a1b2-0000-7000-8000-000000000001','distinct_ids':['a']}],"
        + "'next':'" + wm.baseUrl() + second + "','previous':null}")));
    wm.stubFor(get(urlEqualTo(second)).willReturn(jsonAnswer(200,
        "{'results':[{'id':'0190a1b2-0000-7000-8000-000000000002','distinct_ids':['b']}],"
        + "'next':null,'previous':null}")));

    Page<CohortPersonResult> first = cohorts.persons(5, new CohortsPersonsRetrieveQuery().limit(1L));
    List<String> all = cohorts.personsAll(5, new CohortsPersonsRetrieveQuery().limit(1L)).stream()
        .map(p -> p.getDistinctIds().get(0)).collect(Collectors.toList());

    assertEquals("a", first.results().get(0).getDistinctIds().get(0));
    assertTrue(first.hasNext());
    assertEquals(List.of("a", "b"), all);
    wm.verify(1, getRequestedFor(urlEqualTo(second)));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> cohorts.create(null));
    assertThrows(NullPointerException.class, () -> cohorts.replace(5, null));
    assertThrows(NullPointerException.class, () -> cohorts.listAll(null));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
