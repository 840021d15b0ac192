package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.AnnotationsApi;
import dev.hedgekit.posthog.generated.api.AnnotationsApi.AnnotationsListQuery;
import dev.hedgekit.posthog.generated.model.Annotation;
import dev.hedgekit.posthog.generated.model.PatchedAnnotation;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Annotations of one project: dated notes shown on insights and dashboards. List, read,
 * create, change and soft delete.
 *
 * <pre>{@code
 * Annotations annotations = client.annotations(42);
 * Annotation created = annotations.create(new Annotation().content("Release 2.0")
 *     .dateMarker(OffsetDateTime.now()).scope(AnnotationScopeEnum.PROJECT));
 * annotations.update(created.getId(), new PatchedAnnotation().content("Release 2.0.1"));
 * annotations.delete(created.getId());                     // soft delete
 * }</pre>
 */
public final class Annotations extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Annotations(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private AnnotationsApi annotations() {
    return api(AnnotationsApi.class);
  }

  /** @return the first page of annotations (PostHog's default page size) */
  public Page<Annotation> list() {
    return list(new AnnotationsListQuery());
  }

  /**
   * One page of annotations.
   *
   * @param query filters and paging ({@code search}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<Annotation> list(AnnotationsListQuery query) {
    required(query, "query");
    return Page.of(annotations().annotationsList(projectId, query));
  }

  /** @return every annotation, fetched lazily page by page */
  public Pager<Annotation> listAll() {
    return listAll(new AnnotationsListQuery());
  }

  /**
   * Every annotation matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Annotation> listAll(AnnotationsListQuery query) {
    required(query, "query");
    return pager(() -> annotations().annotationsList(projectId, query));
  }


  /**
   * @param id the annotation's numeric id
   * @return the annotation
   */
  public Annotation get(long id) {
    return annotations().annotationsRetrieve(projectId, id);
  }

  /**
   * Creates an annotation. {@code content} and {@code date_marker} say what happened and when;
   * {@code scope} (and {@code dashboard_item}) say where it is shown.
   *
   * @param annotation the new annotation
   * @return the created annotation, with its id
   */
  public Annotation create(Annotation annotation) {
    required(annotation, "annotation");
    return annotations().annotationsCreate(projectId, annotation);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the annotation's id
   * @param patch the fields to change
   * @return the annotation after the change
   */
  public Annotation update(long id, PatchedAnnotation patch) {
    required(patch, "patch");
    return annotations().annotationsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the annotation (PUT): fields not set in {@code annotation} are reset by PostHog.
   *
   * @param id the annotation's id
   * @param annotation the full new state
   * @return the annotation after the change
   */
  public Annotation replace(long id, Annotation annotation) {
    required(annotation, "annotation");
    return annotations().annotationsUpdate(projectId, id, annotation);
  }

  /**
   * Soft deletes the annotation: PostHog does not allow a hard delete of annotations (the
   * DELETE answers 405), so this sends a PATCH setting {@code deleted} to true. The annotation
   * disappears from lists and charts.
   *
   * @param id the annotation's id
   * @return the annotation as PostHog answered the PATCH
   */
  public Annotation delete(long id) {
    return update(id, new PatchedAnnotation().deleted(true));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Annotations{projectId=" + projectId + "}";
  }
}
