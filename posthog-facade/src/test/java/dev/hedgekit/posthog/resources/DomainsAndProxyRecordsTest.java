package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.ORG;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_1;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.exactJson;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.DomainsApi.DomainsListQuery;
import dev.hedgekit.posthog.generated.model.OrganizationDomain;
import dev.hedgekit.posthog.generated.model.PatchedOrganizationDomain;
import dev.hedgekit.posthog.generated.model.PatchedProxyRecord;
import dev.hedgekit.posthog.generated.model.ProxyRecord;
import dev.hedgekit.posthog.generated.model.ProxyRecordStatusEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DomainsAndProxyRecordsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String DOMAINS = "/api/organizations/" + ORG + "/domains/";
  private static final String PROXIES = "/api/organizations/" + ORG + "/proxy_records/";
  private static final String DOMAIN_JSON = "{\"id\":\"" + UUID_1 + "\",\"domain\":\"example.com\","
      + "\"is_verified\":false,\"verification_challenge\":\"ph_abc\",\"jit_provisioning_enabled\":true}";
  private static final String PROXY_JSON = "{\"id\":\"" + UUID_1 + "\",\"domain\":\"ph.example.com\","
      + "\"target_cname\":\"x.proxy.posthog.com\",\"status\":\"waiting\"}";

  private PostHogClient client;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void domainsRoundTrip() {
    Domains domains = client.organization(ORG).domains();
    String one = DOMAINS + UUID_1 + "/";
    String id = UUID_1;
    wm.stubFor(get(urlEqualTo(DOMAINS + "?limit=3")).willReturn(json(page(DOMAIN_JSON, 1, null))));
    wm.stubFor(post(urlEqualTo(DOMAINS)).willReturn(json(201, DOMAIN_JSON)));
    wm.stubFor(get(urlEqualTo(one)).willReturn(json(DOMAIN_JSON)));
    wm.stubFor(patch(urlEqualTo(one)).willReturn(json(DOMAIN_JSON)));
    wm.stubFor(put(urlEqualTo(one)).willReturn(json(DOMAIN_JSON)));
    wm.stubFor(delete(urlEqualTo(one)).willReturn(noContent()));
    wm.stubFor(post(urlEqualTo(one + "verify/")).willReturn(json(DOMAIN_JSON.replace("\"is_verified\":false", "\"is_verified\":true"))));

    assertEquals("example.com", domains.list(new DomainsListQuery().limit(3L)).results().get(0).getDomain());
    assertEquals(1, domains.listAll(new DomainsListQuery().limit(3L)).stream().count());
    assertEquals("ph_abc", domains.create(new OrganizationDomain().domain("example.com")).getVerificationChallenge());
    assertEquals(Boolean.TRUE, domains.get(id).getJitProvisioningEnabled());
    domains.update(id, new PatchedOrganizationDomain().jitProvisioningEnabled(false));
    domains.replace(id, new OrganizationDomain().domain("example.com"));
    assertEquals(Boolean.TRUE, domains.verify(id).getIsVerified());
    domains.delete(id);

    wm.verify(postRequestedFor(urlEqualTo(DOMAINS)).withRequestBody(exactJson("{\"domain\":\"example.com\"}")));
    wm.verify(patchRequestedFor(urlEqualTo(one)).withRequestBody(exactJson("{\"jit_provisioning_enabled\":false}")));
    wm.verify(putRequestedFor(urlEqualTo(one)).withRequestBody(exactJson("{\"domain\":\"example.com\"}")));
    ResourceTestSupport.assertSentWithoutBody(wm, postRequestedFor(urlEqualTo(one + "verify/")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(one)));
    wm.verify(2, getRequestedFor(urlEqualTo(DOMAINS + "?limit=3")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void proxyRecordsRoundTrip() {
    ProxyRecords proxies = client.organization(ORG).proxyRecords();
    String one = PROXIES + UUID_1 + "/";
    String id = UUID_1;
    wm.stubFor(get(urlEqualTo(PROXIES)).willReturn(json(
        "{\"results\":[" + PROXY_JSON + "],\"max_proxy_records\":2}")));
    wm.stubFor(post(urlEqualTo(PROXIES)).willReturn(json(201, PROXY_JSON)));
    wm.stubFor(get(urlEqualTo(one)).willReturn(json(PROXY_JSON.replace("waiting", "valid"))));
    wm.stubFor(patch(urlEqualTo(one)).willReturn(json(PROXY_JSON)));
    wm.stubFor(put(urlEqualTo(one)).willReturn(json(PROXY_JSON)));
    wm.stubFor(delete(urlEqualTo(one)).willReturn(json("{\"success\":true}")));

    assertEquals("ph.example.com", proxies.list().getResults().get(0).getDomain());
    assertEquals(2L, proxies.list().getMaxProxyRecords());
    assertEquals("x.proxy.posthog.com", proxies.create(new ProxyRecord().domain("ph.example.com")).getTargetCname());
    assertEquals(ProxyRecordStatusEnum.VALID, proxies.get(id).getStatus());
    proxies.update(id, new PatchedProxyRecord().domain("ph2.example.com"));
    proxies.replace(id, new ProxyRecord().domain("ph3.example.com"));
    assertEquals(Boolean.TRUE, proxies.delete(id).getSuccess());

    wm.verify(postRequestedFor(urlEqualTo(PROXIES)).withRequestBody(exactJson("{\"domain\":\"ph.example.com\"}")));
    wm.verify(patchRequestedFor(urlEqualTo(one)).withRequestBody(exactJson("{\"domain\":\"ph2.example.com\"}")));
    wm.verify(putRequestedFor(urlEqualTo(one)).withRequestBody(exactJson("{\"domain\":\"ph3.example.com\"}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(one)));
  }

  @Test
  @SuppressWarnings("deprecation")
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> client.organization(ORG).domains().verify(null));
    assertThrows(NullPointerException.class, () -> client.organization(ORG).domains().create(null));
    assertThrows(NullPointerException.class, () -> client.organization(ORG).proxyRecords().get(null));
    assertThrows(NullPointerException.class, () -> client.organization(ORG).proxyRecords().update(null, new PatchedProxyRecord()));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
