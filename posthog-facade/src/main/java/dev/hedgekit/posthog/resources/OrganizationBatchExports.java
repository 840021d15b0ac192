package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.generated.api.BatchExportsApi;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsListQuery;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsLogsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.BatchExport;
import dev.hedgekit.posthog.generated.model.LogEntry;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.UUID;

/**
 * Batch exports of a whole organization (across its projects): list, read and delete them and
 * read their logs. The runs of a batch export are read per project, in {@link BatchExports}.
 *
 * <pre>{@code
 * OrganizationBatchExports exports = client.organization("0187c2...").batchExports();
 * for (BatchExport e : exports.listAll()) { ... }
 * }</pre>
 *
 * @deprecated PostHog has deprecated every organization-level batch export route. Use instead:
 *     the project-level routes under {@code /api/projects/{project_id}/batch_exports/}, one
 *     project at a time ({@link BatchExports}).
 */
@Deprecated
public final class OrganizationBatchExports extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public OrganizationBatchExports(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private BatchExportsApi exports() {
    return api(BatchExportsApi.class);
  }

  /**
   * @return the first page of batch exports (PostHog's default page size)
   * @deprecated PostHog has deprecated this route. Use instead: the project-level list,
   *     {@link BatchExports#list()}.
   */
  @Deprecated
  public Page<BatchExport> list() {
    return list(new BatchExportsListQuery());
  }

  /**
   * One page of batch exports.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   * @deprecated PostHog has deprecated this route. Use instead: the project-level list,
   *     {@link BatchExports#list()}.
   */
  @Deprecated
  public Page<BatchExport> list(BatchExportsListQuery query) {
    required(query, "query");
    return Page.of(exports().batchExportsList(organizationId, query));
  }

  /**
   * @return every batch export, fetched lazily page by page
   * @deprecated PostHog has deprecated this route. Use instead: the project-level list,
   *     {@link BatchExports#listAll()}.
   */
  @Deprecated
  public Pager<BatchExport> listAll() {
    return listAll(new BatchExportsListQuery());
  }

  /**
   * Every batch export, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   * @deprecated PostHog has deprecated this route. Use instead: the project-level list,
   *     {@link BatchExports#listAll()}.
   */
  @Deprecated
  public Pager<BatchExport> listAll(BatchExportsListQuery query) {
    required(query, "query");
    return pager(() -> exports().batchExportsList(organizationId, query));
  }

  /**
   * @param id the batch export's id
   * @return the batch export, with its destination and latest runs
   * @deprecated PostHog has deprecated this route. Use instead:
   *     {@link BatchExports#get(String)} on the batch export's project.
   */
  @Deprecated
  public BatchExport get(String id) {
    uuid(id, "id");
    return exports().batchExportsRetrieve(organizationId, id);
  }

  /**
   * Deletes the batch export (DELETE); its schedule stops.
   *
   * @param id the batch export's id
   * @deprecated PostHog has deprecated this route. Use instead:
   *     {@link BatchExports#delete(String)} on the batch export's project.
   */
  @Deprecated
  public void delete(String id) {
    uuid(id, "id");
    exports().batchExportsDestroy(organizationId, id);
  }

  /**
   * @param id the batch export's id
   * @return the first page of the batch export's log entries
   * @deprecated PostHog has deprecated this route. Use instead:
   *     {@link BatchExports#logs(String)} on the batch export's project.
   */
  @Deprecated
  public Page<LogEntry> logs(String id) {
    return logs(id, new BatchExportsLogsRetrieveQuery());
  }

  /**
   * One page of a batch export's log entries.
   *
   * @param id the batch export's id
   * @param query filters ({@code level}, {@code search}, {@code after}, {@code before}) and
   *     paging ({@code limit}, {@code offset})
   * @return the page
   * @deprecated PostHog has deprecated this route. Use instead:
   *     {@link BatchExports#logs(String, BatchExportsApi.BatchExportsLogsRetrieve2Query)} on the
   *     batch export's project.
   */
  @Deprecated
  public Page<LogEntry> logs(String id, BatchExportsLogsRetrieveQuery query) {
    uuid(id, "id");
    required(query, "query");
    return Page.of(exports().batchExportsLogsRetrieve(organizationId, id, query));
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "OrganizationBatchExports{organizationId=" + organizationId + "}";
  }
}
