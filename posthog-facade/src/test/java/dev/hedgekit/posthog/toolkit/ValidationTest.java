package dev.hedgekit.posthog.toolkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per validation rule: the exact message, the rule and parameter, and that nothing
 * reached the server.
 */
class ValidationTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).configureStaticDsl(false).build();

  static final String FLAGS = "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS";
  static final String GROUPS = "POSTHOG_LIST_SPECIFIC_TYPE_GROUPS_WITH_PAGINATION";
  static final String INVITE = "POSTHOG_CREATE_ORGANIZATION_INVITE_WITH_ROLE_AND_EMAIL";
  static final String ANNOTATIONS = "POSTHOG_LIST_AND_MANAGE_PROJECT_ANNOTATIONS";
  static final String ANNOTATE = "POSTHOG_CRUD_OPERATIONS_FOR_PROJECT_ANNOTATIONS";
  static final String GROUP_VALUES = "POSTHOG_RETRIEVE_GROUP_PROPERTY_VALUES_BY_INDEX_AND_KEY";
  static final String ORGANIZATION = "POSTHOG_FETCH_ORGANIZATION_DETAILS_BY_UUID";
  static final String ROLE = "POSTHOG_RETRIEVE_ORGANIZATION_ROLE_DETAILS";
  static final String EARLY_ACCESS = "POSTHOG_ENABLE_PROJECT_EARLY_ACCESS_FEATURE";
  static final String DELETE_PROPERTY = "POSTHOG_PERSON_PROPERTY_DELETION_ENDPOINT";
  static final String EVENTS = "POSTHOG_LIST_AND_FILTER_PROJECT_EVENTS";
  static final String PATCH_FLAG = "POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG";
  static final String COLLABORATE = "POSTHOG_ADD_DASHBOARD_COLLABORATORS_WITH_ACCESS_LEVEL";

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder(wm).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void stub() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
  }

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size(), "requests sent");
  }

  private static ToolError refused(String slug, Map<String, ?> params) {
    ToolResult r = client.toolkit().execute(slug, params);
    assertFalse(r.successful(), () -> "expected a refusal, got " + r.toJsonString());
    assertEquals(ToolError.Kind.VALIDATION, r.error().kind());
    assertNull(r.data());
    assertTrue(r.exception().isEmpty(), "a validation error has no exception");
    assertEquals(r.error().message(), r.toJson().get("error").asText());
    assertEquals(client.toolkit().validate(slug, params), r.error().problems());
    return r.error();
  }

  private static void assertOnly(ToolError e, ValidationRule rule, String parameter,
      String message) {
    assertEquals(message, e.message());
    assertEquals(rule, e.rule());
    assertEquals(parameter, e.parameter());
    assertEquals(1, e.problems().size(), e::message);
  }

  @Test
  void unknownActionSuggestsTheThreeClosestSlugs() {
    ToolError e = refused("POSTHOG_LIST_PROJECT_FEATURE_FLAG", Map.of());
    assertOnly(e, ValidationRule.UNKNOWN_ACTION, null,
        "action 'POSTHOG_LIST_PROJECT_FEATURE_FLAG': unknown; did you mean "
            + "'POSTHOG_MANAGE_PROJECT_FEATURE_FLAGS', "
            + "'POSTHOG_LIST_PROJECT_MEMBERSHIP_DETAILS', "
            + "'POSTHOG_LIST_PROJECT_DASHBOARD_TEMPLATES'?");
  }

  @Test
  void unknownActionWithATypoFindsTheSlug() {
    ToolError e = refused("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAG", Map.of());
    assertTrue(e.message().startsWith("action 'POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAG': "
        + "unknown; did you mean '" + FLAGS + "'"), e.message());
  }

  @Test
  void nullSlugIsUnknown() {
    ToolError e = refused(null, Map.of());
    assertOnly(e, ValidationRule.UNKNOWN_ACTION, null, "action null: unknown");
  }

  @Test
  void missingPathParameter() {
    ToolError e = refused(FLAGS, Map.of());
    assertOnly(e, ValidationRule.REQUIRED, "project_id",
        "parameter 'project_id' of " + FLAGS + ": required (path parameter)");
  }

  @Test
  void nullMapMeansNoParameters() {
    ToolError e = refused(FLAGS, null);
    assertEquals(ValidationRule.REQUIRED, e.rule());
  }

  @Test
  void missingRequiredQueryParameters() {
    ToolError e = refused(GROUPS, Map.of("project_id", "1"));
    assertOnly(e, ValidationRule.REQUIRED, "group_type_index",
        "parameter 'group_type_index' of " + GROUPS + ": required (query parameter)");
  }

  @Test
  void missingRequiredBodyField() {
    ToolError e = refused(INVITE, Map.of("organization_id", "@current"));
    assertOnly(e, ValidationRule.REQUIRED, "target_email",
        "parameter 'target_email' of " + INVITE + ": required (body field)");
  }

  @Test
  void readOnlyFieldsAreNeverRequired() {
    // The toolkit documents id, added_at and updated_at as required; they are read-only.
    ToolError e = refused(COLLABORATE, Map.of("project_id", "1", "dashboard_id", 5,
        "level", 21));
    assertOnly(e, ValidationRule.REQUIRED, "user_uuid",
        "parameter 'user_uuid' of " + COLLABORATE + ": required (body field)");
  }

  @Test
  void wrongType() {
    ToolError e = refused(FLAGS, Map.of("project_id", "1", "limit", "abc"));
    assertOnly(e, ValidationRule.TYPE, "limit",
        "parameter 'limit' of " + FLAGS + ": expected integer, got string \"abc\"");
  }

  @Test
  void fractionForAnInteger() {
    ToolError e = refused(FLAGS, Map.of("project_id", "1", "limit", 2.5));
    assertOnly(e, ValidationRule.TYPE, "limit",
        "parameter 'limit' of " + FLAGS + ": expected integer, got number 2.5");
  }

  @Test
  void booleanForAString() {
    ToolError e = refused(FLAGS, Map.of("project_id", "1", "search", true));
    assertOnly(e, ValidationRule.TYPE, "search",
        "parameter 'search' of " + FLAGS + ": expected string, got boolean true");
  }

  @Test
  void badUuid() {
    // An organization id may be @current now, so it has no format; a role id is a UUID.
    ToolError e = refused(ROLE, Map.of("organization_id", "@current", "id", "42"));
    assertOnly(e, ValidationRule.FORMAT, "id",
        "parameter 'id' of " + ROLE + ": expected format uuid, got string \"42\"");
  }

  @Test
  void badDateTime() {
    for (String bad : List.of("yesterday", "2024-01-31", "2024-01-31T09:00:00")) {
      ToolError e = refused(ANNOTATE, Map.of("project_id", "1", "date_marker", bad));
      assertOnly(e, ValidationRule.FORMAT, "date_marker", "parameter 'date_marker' of " + ANNOTATE
          + ": expected format date-time (ISO 8601 with offset, e.g. 2024-01-31T09:00:00Z),"
          + " got string \"" + bad + "\"");
    }
  }

  @Test
  void badEmail() {
    ToolError e = refused(INVITE, Map.of("organization_id", "@current",
        "target_email", "not-an-email"));
    assertOnly(e, ValidationRule.FORMAT, "target_email", "parameter 'target_email' of " + INVITE
        + ": expected format email, got string \"not-an-email\"");
  }

  @Test
  void badUri() {
    ToolError e = refused(EARLY_ACCESS, Map.of("project_id", "1", "name", "Beta",
        "stage", "beta", "documentation_url", "docs/page"));
    assertOnly(e, ValidationRule.FORMAT, "documentation_url", "parameter 'documentation_url' of "
        + EARLY_ACCESS + ": expected format uri (absolute, e.g. https://example.com/x),"
        + " got string \"docs/page\"");
  }

  @Test
  void valueOutsideAnEnum() {
    ToolError e = refused(INVITE, Map.of("organization_id", "@current",
        "target_email", "a@example.com", "level", 3));
    assertOnly(e, ValidationRule.ENUM, "level",
        "parameter 'level' of " + INVITE + ": expected one of 1, 8, 15, got integer 3");
  }

  @Test
  void stringOutsideAnEnum() {
    ToolError e = refused(ANNOTATE, Map.of("project_id", "1", "scope", "galaxy"));
    assertEquals(ValidationRule.ENUM, e.rule());
    assertTrue(e.message().startsWith("parameter 'scope' of " + ANNOTATE
        + ": expected one of \"dashboard_item\", "), e.message());
    assertTrue(e.message().endsWith(", got string \"galaxy\""), e.message());
  }

  @Test
  void numberAboveTheMaximum() {
    ToolError e = refused(GROUP_VALUES, Map.of("project_id", "1", "group_type_index", 7,
        "key", "name"));
    assertOnly(e, ValidationRule.MAXIMUM, "group_type_index", "parameter 'group_type_index' of "
        + GROUP_VALUES + ": expected at most 4, got integer 7");
  }

  @Test
  void numberBelowTheMinimum() {
    ToolError e = refused(GROUP_VALUES, Map.of("project_id", "1", "group_type_index", -1,
        "key", "name"));
    assertOnly(e, ValidationRule.MINIMUM, "group_type_index", "parameter 'group_type_index' of "
        + GROUP_VALUES + ": expected at least 0, got integer -1");
  }

  @Test
  void unknownParameterSuggestsTheClosestName() {
    ToolError e = refused(ANNOTATIONS, Map.of("project_id", "1", "serch", "deploy"));
    assertOnly(e, ValidationRule.UNKNOWN_PARAMETER, "serch",
        "parameter 'serch' of " + ANNOTATIONS + ": unknown; did you mean 'search'?");
  }

  @Test
  void unknownParameterWithNothingCloseListsTheAcceptedNames() {
    ToolError e = refused(ANNOTATIONS, Map.of("project_id", "1", "colour", "red"));
    assertOnly(e, ValidationRule.UNKNOWN_PARAMETER, "colour", "parameter 'colour' of "
        + ANNOTATIONS + ": unknown; accepted: project_id, limit, offset, search, scope,"
        + " date_from, date_to, is_emoji");
  }

  @Test
  void nullForANonNullableParameter() {
    Map<String, Object> params = new HashMap<>();
    params.put("project_id", "1");
    params.put("id", 3);
    params.put("name", null);
    ToolError e = refused(PATCH_FLAG, params);
    assertOnly(e, ValidationRule.NOT_NULLABLE, "name",
        "parameter 'name' of " + PATCH_FLAG + ": null is not allowed");
  }

  @Test
  void emptyPathParameter() {
    ToolError e = refused(FLAGS, Map.of("project_id", ""));
    assertOnly(e, ValidationRule.EMPTY, "project_id",
        "parameter 'project_id' of " + FLAGS + ": must not be empty (path parameter)");
  }

  @Test
  void aliasAndNameTogether() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("project_id", "1");
    params.put("id", 9);
    params.put("$unset", "plan");
    params.put("unset", "plan");
    ToolError e = refused(DELETE_PROPERTY, params);
    assertOnly(e, ValidationRule.DUPLICATE, "unset",
        "parameter 'unset' of " + DELETE_PROPERTY + ": given twice (also as '$unset')");
  }

  @Test
  void badArrayItemIsNamedByIndex() {
    ToolError e = refused(EVENTS, Map.of("project_id", "1",
        "select", List.of("event", Map.of("a", 1))));
    assertOnly(e, ValidationRule.TYPE, "select[1]",
        "parameter 'select[1]' of " + EVENTS + ": expected string, got object");
  }

  @Test
  void unwritableJavaValue() {
    Object unwritable = new Object() {
      @SuppressWarnings("unused")
      public String getValue() {
        throw new IllegalStateException("no value");
      }
    };
    ToolError e = refused(FLAGS, Map.of("project_id", "1", "search", unwritable));
    assertEquals(ValidationRule.TYPE, e.rule());
    assertTrue(e.message().startsWith("parameter 'search' of " + FLAGS
        + ": expected a JSON value, got a dev.hedgekit.posthog.toolkit.ValidationTest$"),
        e.message());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("target_email", "nope");
    params.put("level", "high");
    params.put("frist_name", "Ada");
    ToolError e = refused(INVITE, params);
    String p = "parameter '";
    String of = "' of " + INVITE + ": ";
    assertEquals(p + "target_email" + of + "expected format email, got string \"nope\"; "
        + p + "level" + of + "expected integer, got string \"high\"; "
        + p + "frist_name" + of + "unknown; did you mean 'first_name'?; "
        + p + "organization_id" + of + "required (path parameter)", e.message());
    assertEquals(List.of(ValidationRule.FORMAT, ValidationRule.TYPE,
        ValidationRule.UNKNOWN_PARAMETER, ValidationRule.REQUIRED),
        e.problems().stream().map(ValidationProblem::rule).collect(
            java.util.stream.Collectors.toList()));
    assertEquals("target_email", e.parameter());
  }

  @Test
  void asyncRefusalCompletesAtOnce() throws Exception {
    ToolResult r = client.toolkit().executeAsync(FLAGS, Map.of()).get();
    assertEquals(ValidationRule.REQUIRED, r.error().rule());
  }
}
