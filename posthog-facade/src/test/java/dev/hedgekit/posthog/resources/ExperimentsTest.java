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
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.ExperimentsApi.ExperimentsListQuery;
import dev.hedgekit.posthog.generated.model.CohortCreatedResponse;
import dev.hedgekit.posthog.generated.model.Experiment;
import dev.hedgekit.posthog.generated.model.PatchedExperiment;
import dev.hedgekit.posthog.pagination.Page;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExperimentsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/experiments/";

  private PostHogClient client;
  private Experiments experiments;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    experiments = client.project(42).experiments();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createGetUpdateListAndSoftDelete() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201,
        "{'id':3,'name':'New checkout','feature_flag_key':'new-checkout',"
        + "'feature_flag':{'id':11,'key':'new-checkout'},'start_date':null}")));
    wm.stubFor(get(urlEqualTo(BASE + "3/")).willReturn(jsonAnswer(200,
        "{'id':3,'name':'New checkout','feature_flag_key':'new-checkout','archived':false}")));
    wm.stubFor(patch(urlEqualTo(BASE + "3/")).willReturn(jsonAnswer(200,
        "{'id':3,'name':'New checkout','start_date':'2024-06-01T09:00:00Z'}")));
    wm.stubFor(get(urlEqualTo(BASE + "?limit=5&offset=5")).willReturn(jsonAnswer(200,
        "{'count':6,'next':null,'previous':'" + wm.baseUrl() + BASE + "?limit=5',"
        + "'results':[{'id':3,'name':'New checkout'}]}")));

    Experiment created = experiments.create(new Experiment().name("New checkout").featureFlagKey("new-checkout"));
    assertEquals(3, created.getId());
    assertEquals(11, created.getFeatureFlag().getId());
    wm.verify(postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json(
        "{'name':'New checkout','feature_flag_key':'new-checkout'}"))));

    assertEquals(Boolean.FALSE, experiments.get(3).getArchived());

    OffsetDateTime start = OffsetDateTime.parse("2024-06-01T09:00:00Z");
    Experiment started = experiments.update(3, new PatchedExperiment().startDate(start));
    assertEquals(start, started.getStartDate());
    wm.verify(patchRequestedFor(urlEqualTo(BASE + "3/"))
        .withRequestBody(equalToJson(json("{'start_date':'2024-06-01T09:00:00Z'}"))));

    Page<Experiment> page = experiments.list(new ExperimentsListQuery().limit(5L).offset(5L));
    assertEquals("New checkout", page.results().get(0).getName());
    assertEquals(true, page.previous().isPresent());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?limit=5&offset=5")));

    wm.resetRequests();
    wm.stubFor(patch(urlEqualTo(BASE + "3/")).willReturn(jsonAnswer(200, "{'id':3,'deleted':true}")));
    assertEquals(Boolean.TRUE, experiments.delete(3).getDeleted());
    wm.verify(1, patchRequestedFor(urlEqualTo(BASE + "3/")).withRequestBody(equalToJson(json("{'deleted':true}"))));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void createExposureCohortSendsNoBodyAndAnswersTheCohort() {
    wm.stubFor(post(urlEqualTo(BASE + "3/create_exposure_cohort_for_experiment/")).willReturn(jsonAnswer(201,
        "{'cohort':{'id':77,'name':'Users exposed to experiment New checkout','is_static':false}}")));

    CohortCreatedResponse answer = experiments.createExposureCohort(3);

    assertEquals(77L, answer.getCohort().getId());
    ResourceTestSupport.assertSentWithoutBody(wm,
        postRequestedFor(urlEqualTo(BASE + "3/create_exposure_cohort_for_experiment/")));
  }

  @Test
  void requiresFlagImplementationIsTyped() {
    wm.stubFor(get(urlEqualTo(BASE + "requires_flag_implementation/")).willReturn(jsonAnswer(200,
        "{'experiments':[],'extra':1}")));

    assertEquals(1, experiments.requiresFlagImplementation().additionalProperty("extra").asInt());
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "requires_flag_implementation/")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void deprecatedResultsAreStillReachable() {
    wm.stubFor(get(urlEqualTo(BASE + "3/results/")).willReturn(jsonAnswer(200, "{'result':{'probability':{'control':0.4}}}")));

    assertEquals(0.4, experiments.results(3).get("result").get("probability").get("control").asDouble());
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> experiments.create(null));
    assertThrows(NullPointerException.class, () -> experiments.update(3, null));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
