package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.ExportsApi;
import dev.hedgekit.posthog.generated.api.ExportsApi.ExportsListQuery;
import dev.hedgekit.posthog.generated.model.ExportedAsset;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Exported assets of one project: images, PDFs, CSV or spreadsheet files rendered from an
 * insight or dashboard. Start an export, poll it until it has content, then download the file.
 *
 * <pre>{@code
 * Exports exports = client.exports(42);
 * ExportedAsset png = exports.create(new ExportedAsset().insight(7).exportFormat(ExportFormatEnum.IMAGE_PNG));
 * // ... poll exports.get(png.getId()) until it has content, then:
 * byte[] file = exports.content(png.getId());
 * }</pre>
 */
public final class Exports extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Exports(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private ExportsApi exports() {
    return api(ExportsApi.class);
  }

  /** @return the first page of exported assets (PostHog's default page size) */
  public Page<ExportedAsset> list() {
    return list(new ExportsListQuery());
  }

  /**
   * One page of exported assets.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<ExportedAsset> list(ExportsListQuery query) {
    required(query, "query");
    return Page.of(exports().exportsList(projectId, query));
  }

  /** @return every exported asset, fetched lazily page by page */
  public Pager<ExportedAsset> listAll() {
    return listAll(new ExportsListQuery());
  }

  /**
   * Every exported asset, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<ExportedAsset> listAll(ExportsListQuery query) {
    required(query, "query");
    return pager(() -> exports().exportsList(projectId, query));
  }


  /**
   * @param id the asset's numeric id
   * @return the asset's metadata (format, whether its content is ready)
   */
  public ExportedAsset get(long id) {
    return exports().exportsRetrieve(projectId, id);
  }

  /**
   * Starts an export. It needs an {@code insight} or a {@code dashboard} and an
   * {@code export_format}; PostHog renders it in the background.
   *
   * @param asset the export to start
   * @return the created asset, with its id
   */
  public ExportedAsset create(ExportedAsset asset) {
    required(asset, "asset");
    return exports().exportsCreate(projectId, asset);
  }

  /**
   * Downloads the rendered file of an export. The answer is the file itself (image, PDF, CSV
   * or spreadsheet), not JSON, so it is returned as bytes rather than decoded.
   *
   * @param id the asset's id
   * @return the file's bytes
   */
  public byte[] content(long id) {
    return exports().exportsContentRetrieve(projectId, id, (Boolean) null);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Exports{projectId=" + projectId + "}";
  }
}
