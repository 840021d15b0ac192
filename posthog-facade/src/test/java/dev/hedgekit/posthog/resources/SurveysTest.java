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
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.SurveysApi.SurveysListQuery;
import dev.hedgekit.posthog.generated.model.PatchedSurveySerializerCreateUpdateOnlySchema;
import dev.hedgekit.posthog.generated.model.Survey;
import dev.hedgekit.posthog.generated.model.SurveySerializerCreateUpdateOnly;
import dev.hedgekit.posthog.generated.model.SurveySerializerCreateUpdateOnlySchema;
import dev.hedgekit.posthog.generated.model.SurveyType;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SurveysTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String BASE = "/api/projects/42/surveys/";
  private static final String ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

  private PostHogClient client;
  private Surveys surveys;

  @BeforeEach
  void setUp() {
    client = ResourceTestSupport.client(wm);
    surveys = client.project(42).surveys();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void createGetUpdateListAndDelete() {
    wm.stubFor(post(urlEqualTo(BASE)).willReturn(jsonAnswer(201,
        "{'id':'" + ID + "','name':'NPS','type':'popover','questions':[{'type':'rating','question':'How likely?'}]}")));
    wm.stubFor(get(urlEqualTo(BASE + ID + "/")).willReturn(jsonAnswer(200,
        "{'id':'" + ID + "','name':'NPS','type':'popover','archived':false,"
        + "'linked_flag':{'id':11,'key':'nps-flag'}}")));
    wm.stubFor(patch(urlEqualTo(BASE + ID + "/")).willReturn(jsonAnswer(200,
        "{'id':'" + ID + "','name':'NPS','responses_limit':500}")));
    wm.stubFor(get(urlEqualTo(BASE + "?search=nps")).willReturn(jsonAnswer(200,
        "{'count':1,'next':null,'previous':null,'results':[{'id':'" + ID + "','name':'NPS','type':'popover'}]}")));
    wm.stubFor(delete(urlEqualTo(BASE + ID + "/")).willReturn(aResponse().withStatus(204)));

    List<JsonNode> questions = List.of(Trees.json(Map.of("type", "rating", "question", "How likely?")));
    SurveySerializerCreateUpdateOnly created = surveys.create(new SurveySerializerCreateUpdateOnlySchema()
        .name("NPS").type(SurveyType.POPOVER).questions(questions));
    assertEquals(ID, created.getId());
    assertEquals(SurveyType.POPOVER, created.getType());
    wm.verify(postRequestedFor(urlEqualTo(BASE)).withRequestBody(equalToJson(json(
        "{'name':'NPS','type':'popover','questions':[{'type':'rating','question':'How likely?'}]}"))));

    Survey read = surveys.get(ID);
    assertEquals("nps-flag", read.getLinkedFlag().getKey());

    SurveySerializerCreateUpdateOnly changed = surveys.update(ID,
        new PatchedSurveySerializerCreateUpdateOnlySchema().responsesLimit(500L));
    assertEquals(500, changed.getResponsesLimit());
    wm.verify(patchRequestedFor(urlEqualTo(BASE + ID + "/"))
        .withRequestBody(equalToJson(json("{'responses_limit':500}"))));

    Page<Survey> page = surveys.list(new SurveysListQuery().search("nps"));
    assertEquals(ID, page.results().get(0).getId());
    wm.verify(getRequestedFor(urlEqualTo(BASE + "?search=nps")));

    surveys.delete(ID);
    wm.verify(1, deleteRequestedFor(urlEqualTo(BASE + ID + "/")));
  }

  @Test
  void responsesCountAndActivity() {
    wm.stubFor(get(urlEqualTo(BASE + "responses_count/")).willReturn(jsonAnswer(200, "{'" + ID + "':17}")));
    wm.stubFor(get(urlEqualTo(BASE + ID + "/activity/")).willReturn(jsonAnswer(200,
        "{'results':[{'activity':'updated','scope':'Survey'}],'next':null,'previous':null,"
        + "'total_count':1}")));

    assertEquals(17L, surveys.responsesCount().get(ID.toString()));
    assertEquals("updated", surveys.activity(ID).results().get(0).getActivity());
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "responses_count/")));
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + ID + "/activity/")));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> surveys.create(null));
    assertThrows(NullPointerException.class, () -> surveys.get(null));
    assertThrows(NullPointerException.class, () -> surveys.update(ID, null));
    assertThrows(NullPointerException.class, () -> surveys.delete(null));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
