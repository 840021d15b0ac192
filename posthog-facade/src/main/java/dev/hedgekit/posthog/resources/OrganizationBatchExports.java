package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.BatchExportsApi;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsListQuery;
import dev.hedgekit.posthog.generated.model.BatchExport;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.UUID;

/**
 * Batch exports of a whole organization (across its projects): list, read and delete them and
 * read their logs. The runs of a batch export are read per project, in {@link BatchExports}.
 *
 * <pre>{@code
 * OrganizationBatchExports exports = client.organizationBatchExports("0187c2...");
 * for (BatchExport e : exports.listAll()) { ... }
 * }</pre>
 */
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

  /** @return the first page of batch exports (PostHog's default page size) */
  public Page<BatchExport> list() {
    return list(new BatchExportsListQuery());
  }

  /**
   * One page of batch exports.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<BatchExport> list(BatchExportsListQuery query) {
    required(query, "query");
    return Page.of(exports().batchExportsList(organizationId, query));
  }

  /** @return every batch export, fetched lazily page by page */
  public Pager<BatchExport> listAll() {
    return listAll(new BatchExportsListQuery());
  }

  /**
   * Every batch export, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<BatchExport> listAll(BatchExportsListQuery query) {
    required(query, "query");
    return pager(() -> exports().batchExportsList(organizationId, query));
  }

  /**
   * @param id the batch export's id
   * @return the batch export, with its destination and latest runs
   */
  public BatchExport get(UUID id) {
    required(id, "id");
    return exports().batchExportsRetrieve(organizationId, id);
  }

  /**
   * Deletes the batch export (DELETE); its schedule stops.
   *
   * @param id the batch export's id
   */
  public void delete(UUID id) {
    required(id, "id");
    exports().batchExportsDestroy(organizationId, id);
  }

  /**
   * @param id the batch export's id
   * @return the log entries of the batch export
   */
  public JsonNode logs(UUID id) {
    required(id, "id");
    return exports().batchExportsLogsRetrieve(organizationId, id);
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
