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
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_1;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.exactJson;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.OrganizationsApi.CallListQuery;
import dev.hedgekit.posthog.generated.model.EffectiveMembershipLevelEnum;
import dev.hedgekit.posthog.generated.model.Organization;
import dev.hedgekit.posthog.generated.model.PatchedOrganization;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganizationsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String ORGS = "/api/organizations/";
  private static final String ONE = ORGS + UUID_1 + "/";
  private static final String ORG_JSON = "{\"id\":\"" + UUID_1 + "\",\"name\":\"Hedgehogs\","
      + "\"slug\":\"hedgehogs\",\"membership_level\":15,\"enforce_2fa\":true}";

  private PostHogClient client;
  private Organizations orgs;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    orgs = PostHogClient.builder().apiKey("phx_test").baseUrl(wm.baseUrl()).maxRetries(0)
        .organizationId(UUID_1).build().organizations();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listSendsPagingAndDecodesThePage() {
    wm.stubFor(get(urlEqualTo(ORGS + "?limit=2&offset=4"))
        .willReturn(json(page(ORG_JSON, 5, wm.baseUrl() + ORGS + "?limit=2&offset=6"))));

    Page<Organization> p = orgs.list(new CallListQuery().limit(2L).offset(4L));

    assertEquals(1, p.results().size());
    Organization o = p.results().get(0);
    assertEquals(UUID_1, o.getId());
    assertEquals("Hedgehogs", o.getName());
    assertEquals(EffectiveMembershipLevelEnum.OWNER, o.getMembershipLevel());
    assertEquals(5L, p.count().getAsLong());
    assertTrue(p.hasNext());
    wm.verify(1, getRequestedFor(urlEqualTo(ORGS + "?limit=2&offset=4")));
  }

  @Test
  void listAllFollowsTheNextLink() {
    String second = "{\"id\":\"" + OrgAdminFixtures.UUID_2 + "\",\"name\":\"Two\"}";
    wm.stubFor(get(urlEqualTo(ORGS)).willReturn(json(page(ORG_JSON, 2, wm.baseUrl() + ORGS + "?offset=1"))));
    wm.stubFor(get(urlEqualTo(ORGS + "?offset=1")).willReturn(json(page(second, 2, null))));

    List<String> names = orgs.listAll().stream().map(Organization::getName).collect(Collectors.toList());

    assertEquals(List.of("Hedgehogs", "Two"), names);
    wm.verify(1, getRequestedFor(urlEqualTo(ORGS)));
    wm.verify(1, getRequestedFor(urlEqualTo(ORGS + "?offset=1")));
  }

  @Test
  void createPostsTheOrganization() {
    wm.stubFor(post(urlEqualTo(ORGS)).willReturn(json(201, ORG_JSON)));

    Organization created = orgs.create(new Organization().name("Hedgehogs").enforce2fa(true));

    assertEquals(UUID_1, created.getId());
    assertEquals("hedgehogs", created.getSlug());
    wm.verify(postRequestedFor(urlEqualTo(ORGS))
        .withRequestBody(exactJson("{\"name\":\"Hedgehogs\",\"enforce_2fa\":true}")));
  }

  @Test
  void getReadsByUuidAndGetWithoutIdReadsTheGroupsOrganization() {
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(json(ORG_JSON)));

    assertEquals("Hedgehogs", orgs.get(UUID.fromString(UUID_1)).getName());
    assertEquals(Boolean.TRUE, orgs.get().getEnforce2fa());
    wm.verify(2, getRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void getWithoutIdReadsTheCurrentOrganization() {
    wm.stubFor(get(urlEqualTo(ORGS + "%40current/")).willReturn(json(ORG_JSON)));

    assertEquals("Hedgehogs", client.organizations().get().getName());
    assertEquals("Hedgehogs", orgs.get("@current").getName());
    wm.verify(2, getRequestedFor(urlEqualTo(ORGS + "%40current/")));
  }

  @Test
  void updatePatchesOnlyTheSetFields() {
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(json(ORG_JSON.replace("Hedgehogs\"", "Renamed\""))));

    Organization o = orgs.update(UUID.fromString(UUID_1), new PatchedOrganization().name("Renamed"));

    assertEquals("Renamed", o.getName());
    wm.verify(patchRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"name\":\"Renamed\"}")));
  }

  @Test
  void replacePutsTheWholeOrganization() {
    wm.stubFor(put(urlEqualTo(ONE)).willReturn(json(ORG_JSON)));

    orgs.replace(UUID.fromString(UUID_1), new Organization().name("Hedgehogs").membersCanInvite(false));

    wm.verify(putRequestedFor(urlEqualTo(ONE))
        .withRequestBody(exactJson("{\"name\":\"Hedgehogs\",\"members_can_invite\":false}")));
  }

  @Test
  void deleteIsARealDelete() {
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));

    orgs.delete(UUID.fromString(UUID_1));

    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> orgs.get((UUID) null));
    assertThrows(NullPointerException.class, () -> orgs.get((String) null));
    assertThrows(IllegalArgumentException.class, () -> orgs.get(""));
    assertThrows(NullPointerException.class, () -> orgs.create(null));
    assertThrows(NullPointerException.class, () -> orgs.update(UUID.fromString(UUID_1), null));
    assertThrows(NullPointerException.class, () -> orgs.replace((UUID) null, new Organization()));
    assertThrows(NullPointerException.class, () -> orgs.delete((String) null));
    assertThrows(NullPointerException.class, () -> orgs.list(null));
    assertThrows(IllegalArgumentException.class, () -> client.organization(""));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
