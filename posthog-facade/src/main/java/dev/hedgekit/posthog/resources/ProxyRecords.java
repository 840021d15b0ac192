package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.ProxyRecordsApi;
import dev.hedgekit.posthog.generated.api.ProxyRecordsApi.ProxyRecordsListQuery;
import dev.hedgekit.posthog.generated.model.PaginatedProxyRecordList;
import dev.hedgekit.posthog.generated.model.PatchedProxyRecord;
import dev.hedgekit.posthog.generated.model.ProxyRecord;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.UUID;

/**
 * Managed reverse proxy records of one organization (a custom domain that forwards to PostHog):
 * list, read, create, change and delete them.
 *
 * <p>The spec types the record id as text on read and delete but as a UUID on the two update
 * operations; the methods follow it.
 *
 * <pre>{@code
 * ProxyRecords proxies = client.proxyRecords("0187c2...");
 * ProxyRecord r = proxies.create(new ProxyRecord().domain("ph.example.com"));
 * // point a CNAME at r.getTargetCname(), then poll:
 * proxies.get(r.getId().toString()).getStatus();
 * }</pre>
 */
public final class ProxyRecords extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public ProxyRecords(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private ProxyRecordsApi proxyRecords() {
    return api(ProxyRecordsApi.class);
  }

  /** @return the first page of proxy records (PostHog's default page size) */
  public Page<ProxyRecord> list() {
    return list(new ProxyRecordsListQuery());
  }

  /**
   * One page of proxy records.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<ProxyRecord> list(ProxyRecordsListQuery query) {
    required(query, "query");
    return Page.of(proxyRecords().proxyRecordsList(organizationId, query));
  }

  /** @return every proxy record, fetched lazily page by page */
  public Pager<ProxyRecord> listAll() {
    return listAll(new ProxyRecordsListQuery());
  }

  /**
   * Every proxy record, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<ProxyRecord> listAll(ProxyRecordsListQuery query) {
    required(query, "query");
    return pager(() -> proxyRecords().proxyRecordsList(organizationId, query));
  }


  /**
   * @param id the record's id
   * @return the record, with its provisioning status
   */
  public ProxyRecord get(String id) {
    id(id, "id");
    return proxyRecords().proxyRecordsRetrieve(organizationId, id);
  }

  /**
   * Creates a proxy record. {@code domain} is required; the answer holds the CNAME target.
   *
   * @param record the new record
   * @return the created record, with its id
   */
  public ProxyRecord create(ProxyRecord record) {
    required(record, "record");
    return proxyRecords().proxyRecordsCreate(organizationId, record);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the record's id
   * @param patch the fields to change
   * @return the record after the change
   */
  public ProxyRecord update(UUID id, PatchedProxyRecord patch) {
    required(id, "id");
    required(patch, "patch");
    return proxyRecords().proxyRecordsPartialUpdate(organizationId, id, patch);
  }

  /**
   * Replaces the record (PUT): fields not set in {@code record} are reset by PostHog.
   *
   * @param id the record's id
   * @param record the full new state
   * @return the record after the change
   */
  public ProxyRecord replace(UUID id, ProxyRecord record) {
    required(id, "id");
    required(record, "record");
    return proxyRecords().proxyRecordsUpdate(organizationId, id, record);
  }

  /**
   * Deletes the record (DELETE); PostHog tears the proxy down.
   *
   * @param id the record's id
   */
  public void delete(String id) {
    id(id, "id");
    proxyRecords().proxyRecordsDestroy(organizationId, id);
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "ProxyRecords{organizationId=" + organizationId + "}";
  }
}
