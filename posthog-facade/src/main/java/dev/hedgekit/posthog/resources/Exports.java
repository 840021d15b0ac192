package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.generated.api.ExportsApi;
import dev.hedgekit.posthog.generated.api.ExportsApi.ExportsListQuery;
import dev.hedgekit.posthog.generated.model.ExportedAsset;
import dev.hedgekit.posthog.generated.model.PaginatedExportedAssetList;
import dev.hedgekit.posthog.http.Transport;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;

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
   * @param client the client
   * @param projectId the project id
   */
  public Exports(PostHogClient client, String projectId) {
    super(client);
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
    return call(() -> page(exports().exportsList(projectId, query)));
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
    return pager(ExportedAsset.class, () -> page(exports().exportsList(projectId, query)));
  }

  private static Page<ExportedAsset> page(PaginatedExportedAssetList p) {
    return new Page<>(p.getResults(), p.getNext(), p.getPrevious(),
        p.getCount() == null ? null : p.getCount().longValue());
  }

  /**
   * @param id the asset's numeric id
   * @return the asset's metadata (format, whether its content is ready)
   */
  public ExportedAsset get(int id) {
    return call(() -> exports().exportsRetrieve(projectId, id));
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
    return call(() -> exports().exportsCreate(projectId, asset));
  }

  /**
   * Downloads the rendered file of an export. The answer is the file itself (image, PDF, CSV
   * or spreadsheet), not JSON, so it is returned as bytes rather than decoded.
   *
   * @param id the asset's id
   * @return the file's bytes
   */
  public byte[] content(int id) {
    Transport transport = client.transport();
    return call(() -> {
      try (Response r = transport.raw().exportsContentRetrieve(projectId, id)) {
        if (r.status() < 200 || r.status() > 299) {
          throw transport.errorOf(r);
        }
        if (r.body() == null) {
          return new byte[0];
        }
        try (InputStream in = r.body().asInputStream()) {
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new PostHogIoException("could not read the content of export " + id + ": "
            + e.getMessage(), e, true);
      }
    });
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
