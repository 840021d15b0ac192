package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.SurveysApi;
import dev.hedgekit.posthog.generated.api.SurveysApi.SurveysListQuery;
import dev.hedgekit.posthog.generated.api.SurveysApi.SurveysResponsesCountRetrieveQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.PatchedSurveySerializerCreateUpdateOnlySchema;
import dev.hedgekit.posthog.generated.model.Survey;
import dev.hedgekit.posthog.generated.model.SurveySerializerCreateUpdateOnly;
import dev.hedgekit.posthog.generated.model.SurveySerializerCreateUpdateOnlySchema;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.Map;

/**
 * Surveys of one project: list, read, create, change, delete, response counts and activity.
 * Creating and changing send PostHog's write shape ({@link SurveySerializerCreateUpdateOnlySchema},
 * which takes flag ids and targeting filters) and answer it back
 * ({@link SurveySerializerCreateUpdateOnly}); reading answers the full {@link Survey}.
 *
 * <pre>{@code
 * Surveys surveys = client.surveys(42);
 * SurveySerializerCreateUpdateOnly nps = surveys.create(new SurveySerializerCreateUpdateOnlySchema()
 *     .name("NPS").type(SurveyType.POPOVER).questions(questions));
 * surveys.update(nps.getId(), new PatchedSurveySerializerCreateUpdateOnlySchema()
 *     .startDate(OffsetDateTime.now()));
 * surveys.delete(nps.getId());                             // real delete (204)
 * }</pre>
 */
public final class Surveys extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Surveys(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private SurveysApi surveys() {
    return api(SurveysApi.class);
  }

  /** @return the first page of surveys (PostHog's default page size) */
  public Page<Survey> list() {
    return list(new SurveysListQuery());
  }

  /**
   * One page of surveys.
   *
   * @param query filters and paging ({@code search}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<Survey> list(SurveysListQuery query) {
    required(query, "query");
    return Page.of(surveys().surveysList(projectId, query));
  }

  /** @return every survey, fetched lazily page by page */
  public Pager<Survey> listAll() {
    return listAll(new SurveysListQuery());
  }

  /**
   * Every survey matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Survey> listAll(SurveysListQuery query) {
    required(query, "query");
    return pager(() -> surveys().surveysList(projectId, query));
  }


  /**
   * @param id the survey's id
   * @return the survey
   */
  public Survey get(String id) {
    uuid(id, "id");
    return surveys().surveysRetrieve(projectId, id);
  }

  /**
   * Creates a survey. {@code name}, {@code type} and {@code questions} are required; it starts
   * showing once {@code start_date} is set.
   *
   * @param survey the new survey
   * @return the created survey, with its id
   */
  public SurveySerializerCreateUpdateOnly create(SurveySerializerCreateUpdateOnlySchema survey) {
    required(survey, "survey");
    return surveys().surveysCreate(projectId, survey);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the survey's id
   * @param patch the fields to change
   * @return the survey after the change
   */
  public SurveySerializerCreateUpdateOnly update(String id,
      PatchedSurveySerializerCreateUpdateOnlySchema patch) {
    uuid(id, "id");
    required(patch, "patch");
    return surveys().surveysPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the survey (PUT): fields not set in {@code survey} are reset by PostHog.
   *
   * @param id the survey's id
   * @param survey the full new state
   * @return the survey after the change
   */
  public Survey replace(String id, Survey survey) {
    uuid(id, "id");
    required(survey, "survey");
    return surveys().surveysUpdate(projectId, id, survey);
  }

  /**
   * Deletes a survey (a real delete: PostHog answers 204). Its responses, which are events, are
   * kept.
   *
   * @param id the survey's id
   */
  public void delete(String id) {
    uuid(id, "id");
    surveys().surveysDestroy(projectId, id);
  }

  /** @return the number of responses of each survey of the project, by survey id */
  public Map<String, Long> responsesCount() {
    return responsesCount(new SurveysResponsesCountRetrieveQuery());
  }

  /**
   * The number of responses of some surveys.
   *
   * @param query {@code survey_ids} (comma-separated) and {@code exclude_archived}
   * @return the number of responses by survey id
   */
  public Map<String, Long> responsesCount(SurveysResponsesCountRetrieveQuery query) {
    required(query, "query");
    return surveys().surveysResponsesCountRetrieve(projectId, query);
  }

  /** @return the first page of the project's survey activity log (changes to any survey) */
  public Page<ActivityLogEntry> activity() {
    return Page.of(surveys().surveysActivityRetrieve(projectId, null, null));
  }

  /** @return every entry of the project's survey activity log, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return pager(() -> surveys().surveysActivityRetrieve(projectId, null, null));
  }

  /**
   * @param id the survey's id
   * @return the first page of the activity log of one survey
   */
  public Page<ActivityLogEntry> activity(String id) {
    uuid(id, "id");
    return Page.of(surveys().surveysActivityRetrieve2(projectId, id, null, null));
  }

  /**
   * @param id the survey's id
   * @return every entry of the activity log of one survey, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(String id) {
    uuid(id, "id");
    return pager(() -> surveys().surveysActivityRetrieve2(projectId, id, null, null));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Surveys{projectId=" + projectId + "}";
  }
}
