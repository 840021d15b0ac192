package dev.hedgekit.posthog.toolkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RequestOptions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Coercion, spec defaults, the client's default ids, flattened nested fields and aliases. */
class CoercionAndDefaultsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).configureStaticDsl(false).build();

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder(wm).projectId("77").organizationId("0187c2a4-0000-7000-8000-000000000001").build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void stub() {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
  }

  private static LoggedRequest sent(String slug, Map<String, ?> params) {
    ToolResult r = client.toolkit().execute(slug, params);
    assertTrue(r.successful(), r::toJsonString);
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, requests.size());
    return requests.get(0);
  }

  private static JsonNode body(LoggedRequest r) {
    return ActionTestSupport.tree(r.getBodyAsString());
  }

  @Test
  void valuesAreCoercedWhereTheTypeAllowsOneReading() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("dashboard_item", "42");
    p.put("content", 42);
    p.put("deleted", "TRUE");
    p.put("date_marker", OffsetDateTime.of(2024, 1, 31, 9, 0, 0, 0, ZoneOffset.ofHours(2)));
    LoggedRequest r = sent("POSTHOG_CRUD_OPERATIONS_FOR_PROJECT_ANNOTATIONS", p);
    assertEquals(ActionTestSupport.tree("{\"dashboard_item\":42,\"content\":\"42\","
        + "\"deleted\":true,\"date_marker\":\"2024-01-31T09:00:00+02:00\"}"), body(r));
  }

  @Test
  void integralFloatsBecomeIntegers() {
    LoggedRequest r = sent("POSTHOG_CRUD_OPERATIONS_FOR_PROJECT_ANNOTATIONS",
        Map.of("dashboard_item", 3.0));
    assertEquals("{\"dashboard_item\":3}", r.getBodyAsString());
  }

  @Test
  void jsonTextBecomesAnObjectOrArray() {
    LoggedRequest r = sent("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT", Map.of("key", "beta",
        "filters", "{\"groups\":[{\"rollout_percentage\":50}]}", "tags", "[\"a\",\"b\"]"));
    // version and _should_create_usage_dashboard are the spec's body defaults (PostHog's 2026 schema)
    assertEquals(ActionTestSupport.tree("{\"key\":\"beta\",\"filters\":{\"groups\":"
        + "[{\"rollout_percentage\":50}]},\"tags\":[\"a\",\"b\"],\"version\":0,"
        + "\"_should_create_usage_dashboard\":true}"), body(r));
  }

  @Test
  void jsonNodesPassThroughAndAreNotChanged() {
    ObjectNode filters = ActionTestSupport.mapper().createObjectNode();
    filters.putArray("groups");
    LoggedRequest r = sent("POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG",
        Map.of("id", 5, "filters", filters));
    assertEquals("PATCH", r.getMethod().getName());
    assertEquals("/api/projects/77/feature_flags/5/", r.getUrl());
    assertEquals("{\"filters\":{\"groups\":[]}}", r.getBodyAsString());
    assertEquals("{\"groups\":[]}", filters.toString());
  }

  @Test
  void nullForANullableBodyFieldIsSentAsNull() {
    Map<String, Object> p = new HashMap<>();
    p.put("content", null);
    LoggedRequest r = sent("POSTHOG_CRUD_OPERATIONS_FOR_PROJECT_ANNOTATIONS", p);
    assertEquals("{\"content\":null}", r.getBodyAsString());
  }

  @Test
  void queryValuesAreCoercedAndNullableNullsOmitted() {
    Map<String, Object> p = new HashMap<>();
    p.put("is_numerical", "TRUE");
    p.put("limit", 3.0);
    p.put("is_feature_flag", null);
    LoggedRequest r = sent("POSTHOG_RETRIEVE_FILTERED_PROJECT_PROPERTY_DEFINITIONS", p);
    assertEquals("/api/projects/77/property_definitions/?exclude_core_properties=false"
        + "&exclude_hidden=false&is_numerical=true&limit=3&type=event", r.getUrl());
  }

  @Test
  void queryDefaultsAreSent() {
    LoggedRequest r = sent("POSTHOG_RETRIEVE_PROJECT_INSIGHTS_WITH_PAGINATION", Map.of());
    assertEquals("/api/projects/77/insights/?limit=1&refresh=force_cache", r.getUrl());
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    LoggedRequest given = sent("POSTHOG_RETRIEVE_PROJECT_INSIGHTS_WITH_PAGINATION",
        Map.of("limit", "25", "refresh", "blocking"));
    assertEquals("/api/projects/77/insights/?limit=25&refresh=blocking", given.getUrl());
  }

  @Test
  void queryDefaultOnADelete() {
    LoggedRequest r = sent("POSTHOG_DELETE_PERSON_AND_OPTIONALLY_ASSOCIATED_EVENTS",
        Map.of("id", 12));
    assertEquals("DELETE", r.getMethod().getName());
    assertEquals("/api/projects/77/persons/12/?delete_events=false", r.getUrl());
  }

  @Test
  void bodyDefaultsAreSent() {
    LoggedRequest r = sent("POSTHOG_CREATE_ORGANIZATION_INVITE_WITH_ROLE_AND_EMAIL",
        Map.of("target_email", "ada@example.com", "level", "8"));
    assertEquals("/api/organizations/0187c2a4-0000-7000-8000-000000000001/invites/", r.getUrl());
    assertEquals(ActionTestSupport.tree("{\"target_email\":\"ada@example.com\",\"level\":8,"
        + "\"send_email\":true,\"combine_pending_invites\":false}"), body(r));
  }

  @Test
  void bodyDefaultsOfAFunnel() {
    LoggedRequest r = sent("POSTHOG_CUSTOM_PROJECT_FUNNEL_ANALYTICS_WITH_ADVANCED_OPTIONS",
        Map.of("date_from", "-30d"));
    assertEquals(ActionTestSupport.tree("{\"date_from\":\"-30d\",\"date_to\":\"-7d\","
        + "\"funnel_window_interval\":14,\"breakdown_limit\":10,\"funnel_window_days\":14}"),
        body(r));
  }

  @Test
  void partialUpdatesGetNoBodyDefaults() {
    // No PATCH body of the curated spec has a writable default, so this uses a small spec.
    String spec = "{\"paths\":{\"/api/projects/{project_id}/actions/{id}/\":{\"patch\":{"
        + "\"operationId\":\"actions_partial_update\",\"x-composio-slugs\":[\"T_PATCH\"],"
        + "\"parameters\":["
        + "{\"name\":\"project_id\",\"in\":\"path\",\"required\":true,"
        + "\"schema\":{\"type\":\"string\"}},"
        + "{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"integer\"}}],"
        + "\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\","
        + "\"properties\":{\"name\":{\"type\":\"string\"},"
        + "\"post_to_slack\":{\"type\":\"boolean\",\"default\":false}}}}}}}}}}";
    Catalog c = Catalog.from(ActionTestSupport.tree(spec), Invoker.all());
    Binder.Bound b = Binder.bind(c.find("T_PATCH"), Map.of("id", 1, "name", "x"), "7", null);
    assertEquals(List.of(), b.problems);
    assertEquals("{\"name\":\"x\"}", b.body.toString());
    assertEquals(Map.of("project_id", "7", "id", "1"), b.wire);
  }

  @Test
  void defaultProjectAndOrganizationAreUsedUnlessGiven() {
    assertEquals("/api/projects/77/feature_flags/",
        sent("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS", Map.of()).getUrl());
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    assertEquals("/api/projects/5/feature_flags/",
        sent("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS", Map.of("project_id", 5)).getUrl());
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    assertEquals("/api/organizations/0187c2a4-0000-7000-8000-000000000001/invites/",
        sent("POSTHOG_LIST_ORGANIZATION_INVITES_WITH_PAGINATION", Map.of()).getUrl());
  }

  @Test
  void flattenedNestedFieldsBuildTheNestedObject() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("activity", "updated");
    p.put("scope", "FeatureFlag");
    p.put("user", Map.of("last_name", "Lovelace"));
    p.put("user__first__name", "Ada");
    p.put("user__email", "ada@example.com");
    p.put("user__is__email__verified", "true");
    p.put("user__distinct__id", 17);
    // Read-only fields (user.uuid, user.id, id) are checked like the others and sent as given.
    p.put("user__uuid", "0b8f4e2a-6c1d-4f3e-9a7b-2d5c8e1f0a93");
    p.put("user__id", "3");
    p.put("id", "0190a1b2-0000-7000-8000-0000000000aa");
    LoggedRequest r = sent("POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION", p);
    assertEquals(ActionTestSupport.tree("{\"activity\":\"updated\",\"scope\":\"FeatureFlag\","
        + "\"id\":\"0190a1b2-0000-7000-8000-0000000000aa\","
        + "\"user\":{\"last_name\":\"Lovelace\",\"first_name\":\"Ada\","
        + "\"email\":\"ada@example.com\",\"is_email_verified\":true,\"distinct_id\":\"17\","
        + "\"uuid\":\"0b8f4e2a-6c1d-4f3e-9a7b-2d5c8e1f0a93\",\"id\":3}}"),
        body(r));
    p.put("user__uuid", "not even a uuid");
    ToolResult bad = client.toolkit().execute("POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION", p);
    assertEquals(false, bad.successful());
    assertEquals("parameter 'user__uuid' of POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION:"
        + " expected format uuid, got string \"not even a uuid\"", bad.error().message());
  }

  @Test
  void flattenedFieldsSatisfyARequiredObject() {
    LoggedRequest r = sent("POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION", Map.of(
        "activity", "created", "scope", "Insight", "user__email", "ada@example.com"));
    assertEquals(ActionTestSupport.tree("{\"activity\":\"created\",\"scope\":\"Insight\","
        + "\"user\":{\"email\":\"ada@example.com\"}}"), body(r));
  }

  @Test
  void flattenedFieldsAreValidated() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("activity", "a");
    p.put("scope", "b");
    p.put("user__is__email__verified", "maybe");
    p.put("user__nickname", "ada");
    ToolResult r = client.toolkit().execute("POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION", p);
    assertEquals("parameter 'user__is__email__verified' of "
        + "POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION: expected boolean, got string \"maybe\"; "
        + "parameter 'user__nickname' of POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION: unknown;"
        + " accepted: project_id, user, organization_id, was_impersonated, is_system, client,"
        + " activity, item_id, scope, detail, created_at, team_id, ip_address; parameter 'user' of"
        + " POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION: required (body field)",
        r.error().message());
    assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aliasesGoToTheirField() {
    LoggedRequest r = sent("POSTHOG_PERSON_PROPERTY_DELETION_ENDPOINT",
        Map.of("id", 9, "unset", "plan"));
    assertEquals("/api/projects/77/persons/9/delete_property/", r.getUrl());
    assertEquals("{\"$unset\":\"plan\"}", r.getBodyAsString());
  }

  @Test
  void uuidsAndPathValuesAreEncoded() {
    UUID id = UUID.fromString("5f0c2b8e-1d2a-4c3b-9e4f-0a1b2c3d4e5f");
    assertEquals("/api/organizations/" + id + "/",
        sent("POSTHOG_FETCH_ORGANIZATION_DETAILS_BY_UUID", Map.of("id", id)).getUrl());
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    assertEquals("/api/projects/%40current/feature_flags/",
        sent("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS", Map.of("project_id", "@current"))
            .getUrl());
  }

  @Test
  void asyncCallsAndPerCallOptions() throws Exception {
    ToolResult r = client.toolkit().executeAsync("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
        Map.of("limit", 2), RequestOptions.builder().header("X-Trace", "t-1").build()).get();
    assertTrue(r.successful(), r::toJsonString);
    LoggedRequest sent = wm.findAll(anyRequestedFor(anyUrl())).get(0);
    assertEquals("/api/projects/77/feature_flags/?limit=2", sent.getUrl());
    assertEquals("t-1", sent.getHeader("X-Trace"));
    assertEquals(ActionTestSupport.tree("{\"ok\":true}"), r.data());
  }

  @Test
  void viewsUseTheirOptionsAndEachClientHasOneActions() {
    assertSame(client.toolkit(), client.toolkit());
    PostHogClient view = client.withOptions(RequestOptions.builder().header("X-View", "v").build());
    assertTrue(view.toolkit().execute("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS", Map.of())
        .successful());
    assertEquals("v", wm.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("X-View"));
  }
}
