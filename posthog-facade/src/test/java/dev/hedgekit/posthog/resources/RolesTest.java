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
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_2;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.exactJson;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.RolesApi.RolesListQuery;
import dev.hedgekit.posthog.generated.api.RolesApi.RolesRoleMembershipsListQuery;
import dev.hedgekit.posthog.generated.model.PatchedRole;
import dev.hedgekit.posthog.generated.model.Role;
import dev.hedgekit.posthog.generated.model.RoleMembership;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RolesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String ROLES = "/api/organizations/" + ORG + "/roles/";
  private static final String ONE = ROLES + UUID_1 + "/";
  private static final String MEMBERSHIPS = ONE + "role_memberships/";
  private static final String ROLE_JSON = "{\"id\":\"" + UUID_1 + "\",\"name\":\"Engineering\","
      + "\"created_at\":\"2024-03-01T10:00:00Z\",\"created_by\":{\"email\":\"ada@example.com\"}}";
  private static final String MEMBERSHIP_JSON = "{\"id\":\"" + UUID_2 + "\",\"role_id\":\"" + UUID_1 + "\","
      + "\"user\":{\"email\":\"bob@example.com\"},\"joined_at\":\"2024-03-02T10:00:00Z\"}";

  private PostHogClient client;
  private Roles roles;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    roles = client.organization(ORG).roles();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listAndListAll() {
    wm.stubFor(get(urlEqualTo(ROLES + "?limit=5")).willReturn(json(page(ROLE_JSON, 1, null))));

    Page<Role> p = roles.list(new RolesListQuery().limit(5L));
    List<String> all = roles.listAll(new RolesListQuery().limit(5L)).stream().map(Role::getName)
        .collect(Collectors.toList());

    assertEquals("Engineering", p.results().get(0).getName());
    assertEquals("ada@example.com", p.results().get(0).getCreatedBy().getEmail());
    assertEquals(List.of("Engineering"), all);
    wm.verify(2, getRequestedFor(urlEqualTo(ROLES + "?limit=5")));
  }

  @Test
  void createGetUpdateReplaceDelete() {
    wm.stubFor(post(urlEqualTo(ROLES)).willReturn(json(201, ROLE_JSON)));
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(json(ROLE_JSON)));
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(json(ROLE_JSON.replace("Engineering", "Eng"))));
    wm.stubFor(put(urlEqualTo(ONE)).willReturn(json(ROLE_JSON.replace("Engineering", "Platform"))));
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));
    String id = UUID_1;

    Role created = roles.create(new Role().name("Engineering"));
    assertEquals(id, created.getId());
    assertEquals("Engineering", roles.get(id).getName());
    assertEquals("Eng", roles.update(id, new PatchedRole().name("Eng")).getName());
    assertEquals("Platform", roles.replace(id, new Role().name("Platform")).getName());
    roles.delete(id);

    wm.verify(postRequestedFor(urlEqualTo(ROLES)).withRequestBody(exactJson("{\"name\":\"Engineering\"}")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE)));
    wm.verify(patchRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"name\":\"Eng\"}")));
    wm.verify(putRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"name\":\"Platform\"}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void membershipsListAddAndRemove() {
    wm.stubFor(get(urlEqualTo(MEMBERSHIPS + "?offset=0")).willReturn(json(page(MEMBERSHIP_JSON, 1, null))));
    wm.stubFor(post(urlEqualTo(MEMBERSHIPS)).willReturn(json(201, MEMBERSHIP_JSON)));
    wm.stubFor(delete(urlEqualTo(MEMBERSHIPS + UUID_2 + "/")).willReturn(noContent()));

    Page<RoleMembership> p = roles.memberships(UUID_1, new RolesRoleMembershipsListQuery().offset(0L));
    List<RoleMembership> all = roles.membershipsAll(UUID_1, new RolesRoleMembershipsListQuery().offset(0L))
        .stream().collect(Collectors.toList());
    RoleMembership added = roles.addMember(UUID_1,
        new RoleMembership().userUuid(UUID_2));
    roles.removeMember(UUID_1, UUID_2);

    assertEquals("bob@example.com", p.results().get(0).getUser().getEmail());
    assertEquals(1, all.size());
    assertEquals(UUID_1, added.getRoleId());
    wm.verify(2, getRequestedFor(urlEqualTo(MEMBERSHIPS + "?offset=0")));
    wm.verify(postRequestedFor(urlEqualTo(MEMBERSHIPS))
        .withRequestBody(exactJson("{\"user_uuid\":\"" + UUID_2 + "\"}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(MEMBERSHIPS + UUID_2 + "/")));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> roles.get(null));
    assertThrows(NullPointerException.class, () -> roles.create(null));
    assertThrows(NullPointerException.class, () -> roles.update(UUID_1, null));
    assertThrows(NullPointerException.class, () -> roles.memberships(null));
    assertThrows(NullPointerException.class, () -> roles.membershipsAll(null));
    assertThrows(NullPointerException.class, () -> roles.addMember(null, new RoleMembership()));
    assertThrows(NullPointerException.class, () -> roles.removeMember(UUID_1, null));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
