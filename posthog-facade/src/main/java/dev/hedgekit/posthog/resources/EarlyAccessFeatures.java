package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.EarlyAccessFeaturesApi;
import dev.hedgekit.posthog.generated.api.EarlyAccessFeaturesApi.EarlyAccessFeatureListQuery;
import dev.hedgekit.posthog.generated.model.EarlyAccessFeature;
import dev.hedgekit.posthog.generated.model.EarlyAccessFeatureSerializerCreateOnly;
import dev.hedgekit.posthog.generated.model.PatchedEarlyAccessFeature;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Early access features of one project: features users can opt into, each backed by a feature
 * flag. List, read, create, change and delete. Creating uses PostHog's write shape
 * ({@link EarlyAccessFeatureSerializerCreateOnly}, which can name an existing flag).
 *
 * <pre>{@code
 * EarlyAccessFeatures features = client.earlyAccessFeatures(42);
 * EarlyAccessFeatureSerializerCreateOnly beta = features.create(
 *     new EarlyAccessFeatureSerializerCreateOnly().name("Dark mode").stage(StageEnum.BETA));
 * features.delete(beta.getId());                           // real delete (204)
 * }</pre>
 */
public final class EarlyAccessFeatures extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public EarlyAccessFeatures(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private EarlyAccessFeaturesApi features() {
    return api(EarlyAccessFeaturesApi.class);
  }

  /** @return the first page of early access features (PostHog's default page size) */
  public Page<EarlyAccessFeature> list() {
    return list(new EarlyAccessFeatureListQuery());
  }

  /**
   * One page of early access features.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<EarlyAccessFeature> list(EarlyAccessFeatureListQuery query) {
    required(query, "query");
    return Page.of(features().earlyAccessFeatureList(projectId, query));
  }

  /** @return every early access feature, fetched lazily page by page */
  public Pager<EarlyAccessFeature> listAll() {
    return listAll(new EarlyAccessFeatureListQuery());
  }

  /**
   * Every early access feature, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<EarlyAccessFeature> listAll(EarlyAccessFeatureListQuery query) {
    required(query, "query");
    return pager(() -> features().earlyAccessFeatureList(projectId, query));
  }


  /**
   * @param id the feature's id
   * @return the early access feature
   */
  public EarlyAccessFeature get(String id) {
    uuid(id, "id");
    return features().earlyAccessFeatureRetrieve(projectId, id);
  }

  /**
   * Creates an early access feature. {@code name} is required; PostHog creates its feature flag
   * unless {@code feature_flag_id} names one.
   *
   * @param feature the new feature
   * @return the created feature, with its id
   */
  public EarlyAccessFeatureSerializerCreateOnly create(EarlyAccessFeatureSerializerCreateOnly feature) {
    required(feature, "feature");
    return features().earlyAccessFeatureCreate(projectId, feature);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the feature's id
   * @param patch the fields to change
   * @return the feature after the change
   */
  public EarlyAccessFeature update(String id, PatchedEarlyAccessFeature patch) {
    uuid(id, "id");
    required(patch, "patch");
    return features().earlyAccessFeaturePartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the feature (PUT): fields not set in {@code feature} are reset by PostHog.
   *
   * @param id the feature's id
   * @param feature the full new state
   * @return the feature after the change
   */
  public EarlyAccessFeature replace(String id, EarlyAccessFeature feature) {
    uuid(id, "id");
    required(feature, "feature");
    return features().earlyAccessFeatureUpdate(projectId, id, feature);
  }

  /**
   * Deletes an early access feature (a real delete: PostHog answers 204).
   *
   * @param id the feature's id
   */
  public void delete(String id) {
    uuid(id, "id");
    features().earlyAccessFeatureDestroy(projectId, id);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "EarlyAccessFeatures{projectId=" + projectId + "}";
  }
}
