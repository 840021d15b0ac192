package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.BatchExportsApi;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsList2Query;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsLogsRetrieve2Query;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsRunsListQuery;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsRunsLogsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.BatchExport;
import dev.hedgekit.posthog.generated.model.BatchExportRun;
import dev.hedgekit.posthog.generated.model.LogEntry;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Batch exports of one project (scheduled exports of events to a warehouse or bucket): list,
 * read and delete them, read their logs, and follow their runs. The batch exports of a whole
 * organization are in {@link OrganizationBatchExports}.
 *
 * <pre>{@code
 * BatchExports exports = client.batchExports(42);
 * for (BatchExport e : exports.listAll()) { ... }
 * for (BatchExportRun r : exports.runsAll(exportId.toString())) { ... }   // paged by cursor
 * }</pre>
 */
public final class BatchExports extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public BatchExports(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private BatchExportsApi exports() {
    return api(BatchExportsApi.class);
  }

  /** @return the first page of batch exports (PostHog's default page size) */
  public Page<BatchExport> list() {
    return list(new BatchExportsList2Query());
  }

  /**
   * One page of batch exports.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<BatchExport> list(BatchExportsList2Query query) {
    required(query, "query");
    return Page.of(exports().batchExportsList2(projectId, query));
  }

  /** @return every batch export, fetched lazily page by page */
  public Pager<BatchExport> listAll() {
    return listAll(new BatchExportsList2Query());
  }

  /**
   * Every batch export, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<BatchExport> listAll(BatchExportsList2Query query) {
    required(query, "query");
    return pager(() -> exports().batchExportsList2(projectId, query));
  }

  /**
   * @param id the batch export's id
   * @return the batch export, with its destination and latest runs
   */
  public BatchExport get(String id) {
    uuid(id, "id");
    return exports().batchExportsRetrieve2(projectId, id);
  }

  /**
   * Deletes the batch export (DELETE); its schedule stops.
   *
   * @param id the batch export's id
   */
  public void delete(String id) {
    uuid(id, "id");
    exports().batchExportsDestroy2(projectId, id);
  }

  /**
   * @param id the batch export's id
   * @return the first page of the batch export's log entries, newest first
   */
  public Page<LogEntry> logs(String id) {
    return logs(id, new BatchExportsLogsRetrieve2Query());
  }

  /**
   * One page of a batch export's log entries.
   *
   * @param id the batch export's id
   * @param query filters ({@code level}, {@code search}, {@code after}, {@code before},
   *     {@code instance_id}) and paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<LogEntry> logs(String id, BatchExportsLogsRetrieve2Query query) {
    uuid(id, "id");
    required(query, "query");
    return Page.of(exports().batchExportsLogsRetrieve2(projectId, id, query));
  }

  /**
   * Every log entry of a batch export matching the filters, fetched lazily page by page.
   *
   * @param id the batch export's id
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<LogEntry> logsAll(String id, BatchExportsLogsRetrieve2Query query) {
    uuid(id, "id");
    required(query, "query");
    return pager(() -> exports().batchExportsLogsRetrieve2(projectId, id, query));
  }

  /**
   * The first page of a batch export's runs.
   *
   * @param batchExportId the batch export's id
   * @return the page (PostHog pages runs by cursor and does not report a count)
   */
  public Page<BatchExportRun> runs(String batchExportId) {
    return runs(batchExportId, new BatchExportsRunsListQuery());
  }

  /**
   * One page of a batch export's runs.
   *
   * @param batchExportId the batch export's id
   * @param query filters ({@code status}, {@code after}, {@code before}, {@code start},
   *     {@code end}), the {@code ordering} and the {@code cursor} of the page
   * @return the page
   */
  public Page<BatchExportRun> runs(String batchExportId, BatchExportsRunsListQuery query) {
    uuid(batchExportId, "batchExportId");
    required(query, "query");
    return Page.of(exports().batchExportsRunsList(projectId, batchExportId, query));
  }

  /**
   * Every run of a batch export, fetched lazily page by page.
   *
   * @param batchExportId the batch export's id
   * @return the pager
   */
  public Pager<BatchExportRun> runsAll(String batchExportId) {
    return runsAll(batchExportId, new BatchExportsRunsListQuery());
  }

  /**
   * Every run of a batch export matching the filters, fetched lazily page by page.
   *
   * @param batchExportId the batch export's id
   * @param query filters and the {@code ordering}
   * @return the pager
   */
  public Pager<BatchExportRun> runsAll(String batchExportId, BatchExportsRunsListQuery query) {
    uuid(batchExportId, "batchExportId");
    required(query, "query");
    return pager(() -> exports().batchExportsRunsList(projectId, batchExportId, query));
  }

  /**
   * @param batchExportId the batch export's id
   * @param id the run's id
   * @return the run, with status, record counts, latest error and data interval
   */
  public BatchExportRun run(String batchExportId, String id) {
    uuid(batchExportId, "batchExportId");
    uuid(id, "id");
    return exports().batchExportsRunsRetrieve(projectId, batchExportId, id);
  }

  /**
   * @param batchExportId the batch export's id
   * @param id the run's id
   * @return the first page of the run's log entries
   */
  public Page<LogEntry> runLogs(String batchExportId, String id) {
    return runLogs(batchExportId, id, new BatchExportsRunsLogsRetrieveQuery());
  }

  /**
   * One page of a run's log entries.
   *
   * @param batchExportId the batch export's id
   * @param id the run's id
   * @param query filters ({@code level}, {@code search}, ...) and paging
   * @return the page
   */
  public Page<LogEntry> runLogs(String batchExportId, String id,
      BatchExportsRunsLogsRetrieveQuery query) {
    uuid(batchExportId, "batchExportId");
    uuid(id, "id");
    required(query, "query");
    return Page.of(exports().batchExportsRunsLogsRetrieve(projectId, batchExportId, id, query));
  }

  /**
   * Every log entry of a run matching the filters, fetched lazily page by page.
   *
   * @param batchExportId the batch export's id
   * @param id the run's id
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<LogEntry> runLogsAll(String batchExportId, String id,
      BatchExportsRunsLogsRetrieveQuery query) {
    uuid(batchExportId, "batchExportId");
    uuid(id, "id");
    required(query, "query");
    return pager(() -> exports().batchExportsRunsLogsRetrieve(projectId, batchExportId, id,
        query));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "BatchExports{projectId=" + projectId + "}";
  }
}
