package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.NotebooksApi;
import dev.hedgekit.posthog.generated.api.NotebooksApi.NotebooksListQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.Notebook;
import dev.hedgekit.posthog.generated.model.NotebookMinimal;
import dev.hedgekit.posthog.generated.model.PatchedNotebook;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Notebooks of one project, addressed by their short id: list, read, create, change, soft
 * delete, and their activity log. Lists hold the notebooks without their content.
 *
 * <pre>{@code
 * Notebooks notebooks = client.notebooks(42);
 * Notebook created = notebooks.create(new Notebook().title("Churn review").content(doc));
 * notebooks.update(created.getShortId(), new PatchedNotebook().title("Churn review Q3")
 *     .version(created.getVersion()));
 * notebooks.delete(created.getShortId());                  // soft delete
 * }</pre>
 */
public final class Notebooks extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Notebooks(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private NotebooksApi notebooks() {
    return api(NotebooksApi.class);
  }

  /** @return the first page of notebooks (PostHog's default page size) */
  public Page<NotebookMinimal> list() {
    return list(new NotebooksListQuery());
  }

  /**
   * One page of notebooks.
   *
   * @param query filters and paging ({@code contains}, {@code created_by}, {@code date_from},
   *     {@code date_to}, {@code user}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<NotebookMinimal> list(NotebooksListQuery query) {
    required(query, "query");
    return Page.of(notebooks().notebooksList(projectId, query));
  }

  /** @return every notebook, fetched lazily page by page */
  public Pager<NotebookMinimal> listAll() {
    return listAll(new NotebooksListQuery());
  }

  /**
   * Every notebook matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<NotebookMinimal> listAll(NotebooksListQuery query) {
    required(query, "query");
    return pager(() -> notebooks().notebooksList(projectId, query));
  }


  /**
   * @param shortId the notebook's short id
   * @return the notebook, with its content
   */
  public Notebook get(String shortId) {
    id(shortId, "shortId");
    return notebooks().notebooksRetrieve(projectId, shortId);
  }

  /**
   * Creates a notebook. Its {@code content} is a ProseMirror document.
   *
   * @param notebook the new notebook
   * @return the created notebook, with its short id
   */
  public Notebook create(Notebook notebook) {
    required(notebook, "notebook");
    return notebooks().notebooksCreate(projectId, notebook);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are. A
   * change of content must carry the {@code version} it was based on.
   *
   * @param shortId the notebook's short id
   * @param patch the fields to change
   * @return the notebook after the change
   */
  public Notebook update(String shortId, PatchedNotebook patch) {
    id(shortId, "shortId");
    required(patch, "patch");
    return notebooks().notebooksPartialUpdate(projectId, shortId, patch);
  }

  /**
   * Replaces the notebook (PUT): fields not set in {@code notebook} are reset by PostHog.
   *
   * @param shortId the notebook's short id
   * @param notebook the full new state
   * @return the notebook after the change
   */
  public Notebook replace(String shortId, Notebook notebook) {
    id(shortId, "shortId");
    required(notebook, "notebook");
    return notebooks().notebooksUpdate(projectId, shortId, notebook);
  }

  /**
   * Soft deletes the notebook: PostHog does not allow a hard delete of notebooks (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The notebook
   * disappears from lists.
   *
   * @param shortId the notebook's short id
   * @return the notebook as PostHog answered the PATCH
   */
  public Notebook delete(String shortId) {
    return update(shortId, new PatchedNotebook().deleted(true));
  }

  /** @return the first page of the project's notebook activity log (changes to any notebook) */
  public Page<ActivityLogEntry> activity() {
    return Page.of(notebooks().notebooksActivityRetrieve(projectId, null, null));
  }

  /** @return every entry of the project's notebook activity log, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return pager(() -> notebooks().notebooksActivityRetrieve(projectId, null, null));
  }

  /**
   * @param shortId the notebook's short id
   * @return the first page of the activity log of one notebook
   */
  public Page<ActivityLogEntry> activity(String shortId) {
    id(shortId, "shortId");
    return Page.of(notebooks().notebooksActivityRetrieve2(projectId, shortId, null, null));
  }

  /**
   * @param shortId the notebook's short id
   * @return every entry of the activity log of one notebook, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(String shortId) {
    id(shortId, "shortId");
    return pager(() -> notebooks().notebooksActivityRetrieve2(projectId, shortId, null, null));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Notebooks{projectId=" + projectId + "}";
  }
}
