package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_1;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.model.TwoFactorSetupResponse;
import dev.hedgekit.posthog.generated.api.UsersApi.UsersListQuery;
import dev.hedgekit.posthog.generated.model.User;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String USER_JSON = "{\"uuid\":\"" + UUID_1 + "\",\"email\":\"ada@example.com\","
      + "\"first_name\":\"Ada\",\"is_staff\":false,\"team\":{\"id\":42},\"organization\":{\"name\":\"Hedgehogs\"}}";

  private PostHogClient client;
  private Users users;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    users = client.users();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listSendsFiltersEncoded() {
    String url = "/api/users/?email=ada%40example.com&is_staff=false&limit=5";
    wm.stubFor(get(urlEqualTo(url)).willReturn(json(page(USER_JSON, 1, null))));

    Page<User> p = users.list(new UsersListQuery().email("ada@example.com").isStaff(false).limit(5L));

    User u = p.results().get(0);
    assertEquals(UUID_1, u.getUuid());
    assertEquals("Ada", u.getFirstName());
    assertEquals(42, u.getTeam().getId());
    assertEquals("Hedgehogs", u.getOrganization().getName());
    wm.verify(1, getRequestedFor(urlEqualTo(url)));
  }

  @Test
  void listAllFollowsLinks() {
    wm.stubFor(get(urlEqualTo("/api/users/")).willReturn(json(page(USER_JSON, 2, wm.baseUrl() + "/api/users/?offset=1"))));
    wm.stubFor(get(urlEqualTo("/api/users/?offset=1")).willReturn(json(page(USER_JSON.replace("ada@", "bob@"), 2, null))));

    List<String> emails = users.listAll().stream().map(User::getEmail).collect(Collectors.toList());

    assertEquals(List.of("ada@example.com", "bob@example.com"), emails);
  }

  @Test
  void getAndMe() {
    wm.stubFor(get(urlEqualTo("/api/users/" + UUID_1 + "/")).willReturn(json(USER_JSON)));
    wm.stubFor(get(urlEqualTo("/api/users/%40me/")).willReturn(json(USER_JSON)));

    assertEquals("ada@example.com", users.get(UUID_1).getEmail());
    assertEquals("ada@example.com", users.me().getEmail());

    wm.verify(1, getRequestedFor(urlEqualTo("/api/users/" + UUID_1 + "/")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/users/%40me/")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void hedgehogConfigAndTwoFactorSetupAnswerJson() {
    wm.stubFor(get(urlEqualTo("/api/users/%40me/hedgehog_config/")).willReturn(json("{\"enabled\":true,\"accessories\":[\"beret\"]}")));
    wm.stubFor(get(urlEqualTo("/api/users/%40me/start_2fa_setup/")).willReturn(json("{\"success\":true}")));

    JsonNode hedgehog = users.hedgehogConfig(Users.ME);
    TwoFactorSetupResponse setup = users.start2faSetup(Users.ME);

    assertEquals("beret", hedgehog.get("accessories").get(0).asText());
    assertEquals(Boolean.TRUE, setup.getSuccess());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/users/%40me/hedgehog_config/")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/users/%40me/start_2fa_setup/")));
  }

  @Test
  @SuppressWarnings("deprecation") // start2faSetup is retired by PostHog and still checked
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> users.get(null));
    assertThrows(IllegalArgumentException.class, () -> users.get(""));
    assertThrows(NullPointerException.class, () -> users.hedgehogConfig(null));
    assertThrows(NullPointerException.class, () -> users.start2faSetup(null));
    assertThrows(NullPointerException.class, () -> users.list(null));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
