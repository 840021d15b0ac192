package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.ExperimentsApi;
import dev.hedgekit.posthog.generated.api.ExperimentsApi.ExperimentsListQuery;
import dev.hedgekit.posthog.generated.model.CohortCreatedResponse;
import dev.hedgekit.posthog.generated.model.Experiment;
import dev.hedgekit.posthog.generated.model.PatchedExperiment;
import dev.hedgekit.posthog.generated.model.RequiresFlagImplementationResponse;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Experiments (A/B tests) of one project: list, read, create, change, soft delete, and the
 * experiment's related actions (exposure cohort, flag implementation check, legacy results).
 *
 * <pre>{@code
 * Experiments experiments = client.experiments(42);
 * Experiment test = experiments.create(new Experiment().name("New checkout")
 *     .featureFlagKey("new-checkout"));
 * experiments.update(test.getId(), new PatchedExperiment().startDate(OffsetDateTime.now()));
 * experiments.delete(test.getId());                        // soft delete
 * }</pre>
 */
public final class Experiments extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Experiments(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private ExperimentsApi experiments() {
    return api(ExperimentsApi.class);
  }

  /** @return the first page of experiments (PostHog's default page size) */
  public Page<Experiment> list() {
    return list(new ExperimentsListQuery());
  }

  /**
   * One page of experiments.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<Experiment> list(ExperimentsListQuery query) {
    required(query, "query");
    return Page.of(experiments().experimentsList(projectId, query));
  }

  /** @return every experiment, fetched lazily page by page */
  public Pager<Experiment> listAll() {
    return listAll(new ExperimentsListQuery());
  }

  /**
   * Every experiment, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Experiment> listAll(ExperimentsListQuery query) {
    required(query, "query");
    return pager(() -> experiments().experimentsList(projectId, query));
  }


  /**
   * @param id the experiment's numeric id
   * @return the experiment
   */
  public Experiment get(long id) {
    return experiments().experimentsRetrieve(projectId, id);
  }

  /**
   * Creates an experiment. {@code name} and {@code feature_flag_key} are required; PostHog
   * creates the flag when it does not exist.
   *
   * @param experiment the new experiment
   * @return the created experiment, with its id
   */
  public Experiment create(Experiment experiment) {
    required(experiment, "experiment");
    return experiments().experimentsCreate(projectId, experiment);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the experiment's id
   * @param patch the fields to change
   * @return the experiment after the change
   */
  public Experiment update(long id, PatchedExperiment patch) {
    required(patch, "patch");
    return experiments().experimentsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the experiment (PUT): fields not set in {@code experiment} are reset by PostHog.
   *
   * @param id the experiment's id
   * @param experiment the full new state
   * @return the experiment after the change
   */
  public Experiment replace(long id, Experiment experiment) {
    required(experiment, "experiment");
    return experiments().experimentsUpdate(projectId, id, experiment);
  }

  /**
   * Soft deletes the experiment: PostHog does not allow a hard delete of experiments (the
   * DELETE answers 405), so this sends a PATCH setting {@code deleted} to true. The experiment
   * disappears from lists; its feature flag is left as it is.
   *
   * @param id the experiment's id
   * @return the experiment as PostHog answered the PATCH
   */
  public Experiment delete(long id) {
    return update(id, new PatchedExperiment().deleted(true));
  }

  /**
   * Creates the exposure cohort of an experiment: the persons who saw any of its variants (the
   * request has no body).
   *
   * @param id the experiment's id
   * @return PostHog's answer, holding the new {@code cohort}
   */
  public CohortCreatedResponse createExposureCohort(long id) {
    return experiments().experimentsCreateExposureCohortForExperimentCreate(projectId, id);
  }

  /** @return whether the project's experiment flags still need to be implemented in code */
  public RequiresFlagImplementationResponse requiresFlagImplementation() {
    return experiments().experimentsRequiresFlagImplementationRetrieve(projectId);
  }

  /**
   * The computed results of an experiment (legacy endpoint).
   *
   * @param id the experiment's id
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ExperimentQuery, or GET
   *     .../experiments/{id}/timeseries_results/.
   */
  @Deprecated
  public JsonNode results(long id) {
    return experiments().experimentsResultsRetrieve(projectId, id);
  }

  /**
   * The secondary metric results of an experiment (legacy endpoint).
   *
   * @param id the experiment's id
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ExperimentQuery for each
   *     secondary metric.
   */
  @Deprecated
  public JsonNode secondaryResults(long id) {
    return 
        experiments().experimentsSecondaryResultsRetrieve(projectId, id);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Experiments{projectId=" + projectId + "}";
  }
}
