package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.generated.api.ProxyRecordsApi;
import dev.hedgekit.posthog.generated.model.PatchedProxyRecord;
import dev.hedgekit.posthog.generated.model.ProxyRecord;
import dev.hedgekit.posthog.generated.model.ProxyRecordListResponse;
import dev.hedgekit.posthog.generated.model.SuccessResponse;
import dev.hedgekit.posthog.internal.ClientContext;

/**
 * Managed reverse proxy records of one organization (a custom domain that forwards to PostHog):
 * list, read, create and delete them. PostHog no longer changes a record in place: to move a
 * proxy to another domain, delete the record and create a new one.
 *
 * <pre>{@code
 * ProxyRecords proxies = client.organization("0187c2...").proxyRecords();
 * ProxyRecord r = proxies.create(new ProxyRecord().domain("ph.example.com"));
 * // point a CNAME at r.getTargetCname(), then poll:
 * proxies.get(r.getId()).getStatus();
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

  /**
   * Every proxy record of the organization, in one answer (PostHog does not page this list).
   *
   * @return the records ({@code results}) and how many the organization may have
   *     ({@code max_proxy_records})
   */
  public ProxyRecordListResponse list() {
    return proxyRecords().proxyRecordsList(organizationId);
  }

  /**
   * @param id the record's id
   * @return the record, with its provisioning status
   */
  public ProxyRecord get(String id) {
    uuid(id, "id");
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
   * Changes the fields set in {@code patch} (PATCH).
   *
   * @param id the record's id
   * @param patch the fields to change
   * @return the record after the change
   * @deprecated PostHog has removed updates of proxy records. Use instead: delete the record
   *     and create one for the new domain; {@code POST .../proxy_records/{id}/retry/} restarts a
   *     failed one.
   */
  @Deprecated
  public ProxyRecord update(String id, PatchedProxyRecord patch) {
    uuid(id, "id");
    required(patch, "patch");
    return proxyRecords().proxyRecordsPartialUpdate(organizationId, id, patch);
  }

  /**
   * Replaces the record (PUT).
   *
   * @param id the record's id
   * @param record the full new state
   * @return the record after the change
   * @deprecated PostHog has removed updates of proxy records. Use instead: delete the record
   *     and create one for the new domain; {@code POST .../proxy_records/{id}/retry/} restarts a
   *     failed one.
   */
  @Deprecated
  public ProxyRecord replace(String id, ProxyRecord record) {
    uuid(id, "id");
    required(record, "record");
    return proxyRecords().proxyRecordsUpdate(organizationId, id, record);
  }

  /**
   * Deletes the record (DELETE); PostHog tears the proxy down.
   *
   * @param id the record's id
   * @return PostHog's answer ({@code success})
   */
  public SuccessResponse delete(String id) {
    uuid(id, "id");
    return proxyRecords().proxyRecordsDestroy(organizationId, id);
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
