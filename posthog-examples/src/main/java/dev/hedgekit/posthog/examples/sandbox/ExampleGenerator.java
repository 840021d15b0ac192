package dev.hedgekit.posthog.examples.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds an example JSON value for an OpenAPI schema: the answers of the {@link SandboxServer}.
 *
 * <p>What it understands: {@code $ref} (any JSON pointer into the spec), {@code allOf} (merged),
 * {@code oneOf}/{@code anyOf} (the first choice that is not only {@code null}), {@code enum}
 * (first non-null value) and {@code const}, {@code type} integer/number/boolean/string/array/
 * object (also OpenAPI 3.1 type lists), {@code format} (date-time and date as fixed instants,
 * uuid as name-based UUIDs, email, uri), {@code minimum}/{@code maximum},
 * {@code maxLength}, {@code maxItems}, {@code nullable} (a schema that allows only null, and a
 * nullable schema cut off by the depth limit, give {@code null}; otherwise a value is shown),
 * {@code readOnly} (kept: these are answers) and {@code writeOnly} (left out), typed maps
 * ({@code additionalProperties}) and free-form objects ({@code {}}).
 *
 * <p>Values are chosen by property name so the answers read like PostHog's ({@code key} is
 * {@code new-onboarding-flow}, {@code name} is {@code New onboarding flow}, {@code email},
 * {@code distinct_id}, {@code short_id}, {@code created_by}, ...). Arrays hold two items;
 * paginated lists (properties {@code next}, {@code previous} and {@code results}) say
 * {@code count} 2, have no next or previous page and two results.
 *
 * <p>Deterministic: the same spec and schema always give the same value. Nothing is random and
 * no clock is read. Recursion stops at {@link #MAX_DEPTH} nested objects or arrays, at the
 * second repetition of a {@code $ref}, and once a value has {@link #MAX_NODES} nodes.
 *
 * <p>Instances hold only the spec and are safe to share between threads.
 */
public final class ExampleGenerator {

  /** Deepest nesting of objects and arrays that is filled in. */
  public static final int MAX_DEPTH = 7;
  /** Most JSON nodes in one generated value; beyond it containers are left empty. */
  public static final int MAX_NODES = 20_000;
  /** Items in every generated array. */
  public static final int ARRAY_ITEMS = 2;

  private static final Instant BASE_TIME = Instant.parse("2025-01-15T09:30:00Z");
  private static final LocalDate BASE_DATE = LocalDate.of(2025, 1, 15);
  private static final int MAX_MERGE_DEPTH = 16;

  private static final String[] FLAG_KEYS = {"new-onboarding-flow", "beta-dashboard-export"};
  private static final String[] FLAG_NAMES = {"New onboarding flow", "Beta dashboard export"};
  private static final String[] FIRST_NAMES = {"Jane", "John"};
  private static final String[] LAST_NAMES = {"Doe", "Smith"};
  private static final String[] EMAILS = {"jane.doe@example.com", "john.smith@example.com"};
  private static final String[] SHORT_IDS = {"aB3dE6fG", "hK9mN2pQ"};
  private static final String[] TAGS = {"beta", "marketing"};
  private static final String[] EVENTS = {"$pageview", "signed_up"};

  /** Display names by resource: the first schema-name fragment that matches wins. */
  private static final String[][] NAMES_BY_RESOURCE = {
      {"featureflag", "New onboarding flow", "Beta dashboard export"},
      {"dashboard", "Product overview", "Growth metrics"},
      {"insight", "Weekly active users", "Signup funnel"},
      {"cohort", "Power users", "New signups this week"},
      {"experiment", "Onboarding checklist test", "Pricing page test"},
      {"survey", "Net promoter score", "Churn feedback"},
      {"action", "Signed up", "Clicked upgrade"},
      {"person", "Jane Doe", "John Smith"},
      {"user", "Jane Doe", "John Smith"},
      {"member", "Jane Doe", "John Smith"},
      {"organization", "Hedgehog Inc.", "Hoglet Labs"},
      {"project", "Default project", "Staging"},
      {"team", "Default project", "Staging"},
  };

  private final JsonNode spec;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  /**
   * @param spec the whole OpenAPI document, used to resolve {@code $ref}
   */
  public ExampleGenerator(JsonNode spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /**
   * An example value for a schema of the spec.
   *
   * @param schema a schema object (possibly only a {@code $ref}); null means any value
   * @return the value, never Java null (JSON null is a {@code NullNode})
   */
  public JsonNode generate(JsonNode schema) {
    return value(schema, Ctx.root(new Budget()));
  }

  // ---------------------------------------------------------------------------------------------
  // dispatch

  private JsonNode value(JsonNode schema, Ctx ctx) {
    if (schema == null || schema.isMissingNode() || schema.isNull() || schema.isBoolean()) {
      return anyValue(null, ctx);
    }
    if (!schema.isObject()) {
      return anyValue(null, ctx);
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isTextual()) {
      String pointer = ref.asText();
      if (ctx.depth > MAX_DEPTH || ctx.count(pointer) >= 2 || ctx.budget.exhausted()) {
        return cutoff(schema, ctx);
      }
      JsonNode target = resolve(pointer);
      if (target == null) {
        return anyValue(null, ctx);
      }
      return value(target, ctx.withRef(pointer));
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray() && allOf.size() > 0) {
      if (allOf.size() == 1 && !schema.has("properties")) {
        return value(allOf.get(0), ctx);
      }
      Merged merged = mergeAllOf(schema);
      // The schema a $ref just named (Dashboard) describes the resource better than its parts.
      return value(merged.schema,
          merged.resource == null || ctx.named ? ctx : ctx.withResource(merged.resource));
    }
    for (String choice : new String[] {"oneOf", "anyOf"}) {
      JsonNode options = schema.get(choice);
      if (options != null && options.isArray() && options.size() > 0) {
        for (JsonNode option : options) {
          if (!onlyNull(option)) {
            return value(option, ctx);
          }
        }
        return nodes.nullNode();
      }
    }
    if (schema.has("const")) {
      return schema.get("const").deepCopy();
    }
    JsonNode en = schema.get("enum");
    if (en != null && en.isArray()) {
      for (JsonNode v : en) {
        if (!v.isNull()) {
          return v.deepCopy();
        }
      }
      return nodes.nullNode();
    }
    String type = typeOf(schema);
    if (type == null) {
      return anyValue(schema, ctx);
    }
    switch (type) {
      case "string":
        return nodes.textNode(string(schema, ctx));
      case "integer":
        return nodes.numberNode(integer(schema, ctx));
      case "number":
        return nodes.numberNode(number(schema, ctx));
      case "boolean":
        return nodes.booleanNode(bool(ctx));
      case "array":
        return array(schema, ctx);
      case "object":
        return object(schema, ctx);
      case "null":
        return nodes.nullNode();
      default:
        return anyValue(schema, ctx);
    }
  }

  /** The value put where recursion stops: no descent, but still the right JSON type. */
  private JsonNode cutoff(JsonNode schema, Ctx ctx) {
    JsonNode s = schema;
    for (int i = 0; i < MAX_MERGE_DEPTH && s != null && s.has("$ref"); i++) {
      if (s.path("nullable").asBoolean(false)) {
        return nodes.nullNode();
      }
      s = resolve(s.get("$ref").asText());
    }
    if (s == null || s.path("nullable").asBoolean(false) || onlyNull(s)) {
      return nodes.nullNode();
    }
    String type = typeOf(s);
    if (s.has("enum") || "string".equals(type) || "integer".equals(type)
        || "number".equals(type) || "boolean".equals(type)) {
      return value(s, ctx);
    }
    return "array".equals(type) ? nodes.arrayNode() : nodes.objectNode();
  }

  /** A schema that says nothing about the type: free-form, so a name-based or empty value. */
  private JsonNode anyValue(JsonNode schema, Ctx ctx) {
    if (schema != null) {
      if (schema.has("properties") || schema.has("additionalProperties")) {
        return object(schema, ctx);
      }
      if (schema.has("items")) {
        return array(schema, ctx);
      }
      if (schema.path("nullable").asBoolean(false)) {
        return nodes.nullNode();
      }
    }
    JsonNode shaped = knownShape(ctx);
    if (shaped != null) {
      return shaped;
    }
    String text = knownString(ctx);
    if (text != null) {
      return nodes.textNode(text);
    }
    return nodes.objectNode();
  }

  // ---------------------------------------------------------------------------------------------
  // containers

  private JsonNode array(JsonNode schema, Ctx ctx) {
    if (ctx.depth >= MAX_DEPTH || ctx.budget.exhausted()) {
      return schema.path("nullable").asBoolean(false) ? nodes.nullNode() : nodes.arrayNode();
    }
    int n = ARRAY_ITEMS;
    JsonNode maxItems = schema.get("maxItems");
    if (maxItems != null && maxItems.canConvertToInt()) {
      n = Math.max(0, Math.min(n, maxItems.asInt()));
    }
    ArrayNode out = nodes.arrayNode();
    ctx.budget.add(1);
    JsonNode items = schema.get("items");
    String itemName = singular(ctx.property);
    for (int i = 0; i < n; i++) {
      out.add(value(items, ctx.item(itemName, i)));
    }
    return out;
  }

  private JsonNode object(JsonNode schema, Ctx ctx) {
    if (ctx.depth >= MAX_DEPTH || ctx.budget.exhausted()) {
      return schema.path("nullable").asBoolean(false) ? nodes.nullNode() : nodes.objectNode();
    }
    ctx.budget.add(1);
    ObjectNode out = nodes.objectNode();
    JsonNode props = schema.get("properties");
    if (props != null && props.isObject() && props.size() > 0) {
      boolean paginated = props.has("next") && props.has("previous") && props.has("results");
      Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        String name = p.getKey();
        JsonNode ps = p.getValue();
        if (writeOnly(ps)) {
          continue;
        }
        ctx.budget.add(1);
        if (paginated && "count".equals(name)) {
          out.put(name, ARRAY_ITEMS);
        } else if (paginated && ("next".equals(name) || "previous".equals(name))) {
          out.putNull(name);
        } else {
          out.set(name, value(ps, ctx.child(name)));
        }
      }
      return out;
    }
    JsonNode extra = schema.get("additionalProperties");
    if (extra != null && extra.isObject() && extra.size() > 0) {
      out.set(mapKey(ctx), value(extra, ctx.child(ctx.property)));
      return out;
    }
    JsonNode shaped = knownShape(ctx);
    return shaped != null && shaped.isObject() ? shaped : out;
  }

  // ---------------------------------------------------------------------------------------------
  // scalars

  private String string(JsonNode schema, Ctx ctx) {
    String format = schema.path("format").asText("");
    String name = ctx.name();
    String value;
    switch (format) {
      case "date-time":
        value = DateTimeFormatter.ISO_INSTANT.format(instant(ctx));
        break;
      case "date":
        value = BASE_DATE.plusDays(ctx.ordinal).toString();
        break;
      case "time":
        value = "09:30:00";
        break;
      case "uuid":
        value = uuid(ctx);
        break;
      case "email":
      case "idn-email":
        value = pick(EMAILS, ctx.ordinal);
        break;
      case "uri":
      case "url":
      case "iri":
      case "uri-reference":
        value = uri(ctx);
        break;
      case "hostname":
        value = "app.example.com";
        break;
      case "ipv4":
        value = "192.0.2." + (10 + ctx.ordinal);
        break;
      case "ipv6":
        value = "2001:db8::" + (1 + ctx.ordinal);
        break;
      case "byte":
        value = Base64.getEncoder().encodeToString(
            ("hedgekit sandbox " + name).getBytes(StandardCharsets.UTF_8));
        break;
      case "decimal":
        value = ctx.ordinal == 0 ? "12.50" : "7.25";
        break;
      case "duration":
        value = "PT1H";
        break;
      default:
        value = knownString(ctx);
        if (value == null) {
          value = fallbackString(ctx);
        }
    }
    JsonNode maxLength = schema.get("maxLength");
    if (maxLength != null && maxLength.canConvertToInt() && maxLength.asInt() >= 0
        && value.length() > maxLength.asInt()) {
      value = value.substring(0, maxLength.asInt());
    }
    return value;
  }

  /** Strings chosen by property name, or null when the name says nothing. */
  private String knownString(Ctx ctx) {
    String name = ctx.name();
    if (name.isEmpty()) {
      return null;
    }
    switch (name) {
      case "key":
      case "slug":
      case "flag_key":
      case "feature_flag_key":
        return pick(FLAG_KEYS, ctx.ordinal);
      case "name":
      case "title":
      case "display_name":
        return displayName(ctx);
      case "email":
        return pick(EMAILS, ctx.ordinal);
      case "distinct_id":
        return "user-" + (1001 + ctx.ordinal);
      case "short_id":
        return pick(SHORT_IDS, ctx.ordinal);
      case "created_by":
      case "updated_by":
      case "last_modified_by":
      case "owner":
        return pick(EMAILS, ctx.ordinal);
      case "first_name":
        return pick(FIRST_NAMES, ctx.ordinal);
      case "last_name":
        return pick(LAST_NAMES, ctx.ordinal);
      case "username":
        return pick(EMAILS, ctx.ordinal).replace("@example.com", "");
      case "description":
        return "Example " + displayName(ctx).toLowerCase(Locale.ROOT) + ", answered by the sandbox";
      case "uuid":
        return uuid(ctx);
      case "id":
        return uuid(ctx);
      case "project_id":
      case "team_id":
      case "environment_id":
        return "1";
      case "timezone":
        return "UTC";
      case "color":
        return "#1d4aff";
      case "event":
        return pick(EVENTS, ctx.ordinal);
      case "tag":
        return pick(TAGS, ctx.ordinal);
      case "status":
        return "active";
      case "version":
        return "1";
      default:
        break;
    }
    if (name.endsWith("_uuid")) {
      return uuid(ctx);
    }
    if (name.endsWith("_email")) {
      return pick(EMAILS, ctx.ordinal);
    }
    if (name.equals("url") || name.endsWith("_url") || name.equals("href")) {
      return uri(ctx);
    }
    if (name.endsWith("_at")) {
      return DateTimeFormatter.ISO_INSTANT.format(instant(ctx));
    }
    if (name.equals("token") || name.endsWith("_token")) {
      return "phc_sandboxProjectToken0123456789abcdef";
    }
    return null;
  }

  private static String fallbackString(Ctx ctx) {
    String name = ctx.name();
    if (name.isEmpty()) {
      return "string";
    }
    String words = name.replace('_', ' ').replace('$', ' ').trim();
    if (words.isEmpty()) {
      return "string";
    }
    String text = Character.toUpperCase(words.charAt(0)) + words.substring(1);
    return ctx.ordinal == 0 ? text : text + " " + (ctx.ordinal + 1);
  }

  private long integer(JsonNode schema, Ctx ctx) {
    String name = ctx.name();
    long v;
    if (name.equals("id")) {
      v = 101 + ctx.ordinal;
    } else if (name.equals("count") || name.equals("total") || name.equals("total_count")) {
      v = ARRAY_ITEMS;
    } else if (name.contains("percentage") || name.equals("percent")) {
      v = 50;
    } else if (name.equals("limit")) {
      v = 100;
    } else if (name.equals("offset")) {
      v = 0;
    } else if (name.equals("page") || name.equals("version")) {
      v = 1;
    } else if (name.endsWith("_id") || name.equals("team") || name.equals("project")
        || name.equals("organization") || name.equals("created_by")) {
      v = 1;
    } else if (name.equals("order") || name.equals("position") || name.equals("index")) {
      v = ctx.ordinal;
    } else if (name.equals("year")) {
      v = 2025;
    } else if (name.endsWith("_count")) {
      v = 12 + ctx.ordinal;
    } else {
      v = 10 + ctx.ordinal;
    }
    double min = bound(schema, "minimum", "exclusiveMinimum", 1);
    double max = bound(schema, "maximum", "exclusiveMaximum", -1);
    if (!Double.isNaN(min) && v < min) {
      v = (long) Math.ceil(min);
    }
    if (!Double.isNaN(max) && v > max) {
      v = (long) Math.floor(max);
    }
    return v;
  }

  private double number(JsonNode schema, Ctx ctx) {
    String name = ctx.name();
    double v;
    if (name.contains("percentage") || name.equals("percent")) {
      v = 50.0;
    } else if (name.contains("rate") || name.contains("ratio") || name.contains("probability")) {
      v = 0.25;
    } else {
      v = 12.5 + ctx.ordinal;
    }
    double min = bound(schema, "minimum", "exclusiveMinimum", 1);
    double max = bound(schema, "maximum", "exclusiveMaximum", -1);
    if (!Double.isNaN(min) && v < min) {
      v = min;
    }
    if (!Double.isNaN(max) && v > max) {
      v = max;
    }
    return v;
  }

  /**
   * A bound of a number schema, NaN if none. OpenAPI 3.0 marks an exclusive bound with a
   * boolean, 3.1 gives the exclusive bound as a number; either way the bound is moved by one
   * unit inwards ({@code direction}).
   */
  private static double bound(JsonNode schema, String inclusive, String exclusive, int direction) {
    JsonNode b = schema.get(inclusive);
    JsonNode ex = schema.get(exclusive);
    if (b != null && b.isNumber()) {
      return ex != null && ex.asBoolean(false) ? b.asDouble() + direction : b.asDouble();
    }
    if (ex != null && ex.isNumber()) {
      return ex.asDouble() + direction;
    }
    return Double.NaN;
  }

  private static boolean bool(Ctx ctx) {
    String name = ctx.name();
    for (String no : new String[] {"deleted", "archived", "disabled", "hidden", "blocked",
        "locked", "private", "pinned", "error", "failed", "calculating", "staff"}) {
      if (name.contains(no)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // name-based shapes

  /** Realistic free-form objects for a few well-known properties, or null. */
  private JsonNode knownShape(Ctx ctx) {
    String name = ctx.name();
    String resource = ctx.resourceKey();
    if (name.equals("filters") && (resource.isEmpty() || resource.contains("featureflag"))) {
      ObjectNode filters = nodes.objectNode();
      ObjectNode group = filters.putArray("groups").addObject();
      group.putArray("properties");
      group.put("rollout_percentage", 50);
      filters.putNull("multivariate");
      filters.putObject("payloads");
      return filters;
    }
    if (name.equals("created_by") || name.equals("last_modified_by") || name.equals("owner")
        || name.equals("user")) {
      ObjectNode user = nodes.objectNode();
      user.put("id", 1 + ctx.ordinal);
      user.put("uuid", uuid(ctx));
      user.put("distinct_id", "user-" + (1001 + ctx.ordinal));
      user.put("first_name", pick(FIRST_NAMES, ctx.ordinal));
      user.put("last_name", pick(LAST_NAMES, ctx.ordinal));
      user.put("email", pick(EMAILS, ctx.ordinal));
      return user;
    }
    if (name.equals("properties") && resource.contains("person")) {
      ObjectNode props = nodes.objectNode();
      props.put("email", pick(EMAILS, ctx.ordinal));
      props.put("name", pick(FIRST_NAMES, ctx.ordinal) + " " + pick(LAST_NAMES, ctx.ordinal));
      props.put("$browser", "Chrome");
      return props;
    }
    return null;
  }

  private String displayName(Ctx ctx) {
    String resource = ctx.resourceKey();
    for (String[] row : NAMES_BY_RESOURCE) {
      if (resource.contains(row[0])) {
        return row[1 + (ctx.ordinal % 2)];
      }
    }
    return pick(FLAG_NAMES, ctx.ordinal);
  }

  private static String mapKey(Ctx ctx) {
    return ctx.name().isEmpty() ? "example" : "example_" + singular(ctx.name());
  }

  private static Instant instant(Ctx ctx) {
    String name = ctx.name();
    Instant t = BASE_TIME.plus(Duration.ofDays(ctx.ordinal));
    if (name.contains("updated") || name.contains("modified") || name.startsWith("last")) {
      return t.plus(Duration.ofHours(2));
    }
    if (name.contains("created")) {
      return t;
    }
    return t.plus(Duration.ofHours(1));
  }

  /** A name-based (version 3) UUID: the same resource, property and position, the same UUID. */
  private static String uuid(Ctx ctx) {
    String seed = "hedgekit-sandbox/" + ctx.resourceKey() + "/" + ctx.name() + "/" + ctx.ordinal;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String uri(Ctx ctx) {
    String resource = ctx.resourceKey().isEmpty() ? "resource" : ctx.resourceKey();
    return "https://app.example.com/" + resource + "/" + (101 + ctx.ordinal);
  }

  private static String pick(String[] values, int ordinal) {
    return values[Math.floorMod(ordinal, values.length)];
  }

  private static String singular(String name) {
    if (name == null || name.length() < 2) {
      return name;
    }
    if (name.endsWith("ies") && name.length() > 3) {
      return name.substring(0, name.length() - 3) + "y";
    }
    if (name.endsWith("s") && !name.endsWith("ss")) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  // ---------------------------------------------------------------------------------------------
  // schema helpers

  /**
   * Follows a local reference ({@code #/components/schemas/FeatureFlag}).
   *
   * @param pointer the {@code $ref} value
   * @return the target, or null if it is not a local pointer or points nowhere
   */
  JsonNode resolve(String pointer) {
    if (pointer == null || !pointer.startsWith("#")) {
      return null;
    }
    JsonNode target = spec.at(pointer.substring(1));
    return target.isMissingNode() ? null : target;
  }

  private static String typeOf(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      if (schema.has("properties") || schema.has("additionalProperties")) {
        return "object";
      }
      if (schema.has("items")) {
        return "array";
      }
      return null;
    }
    if (type.isTextual()) {
      return type.asText();
    }
    if (type.isArray()) {
      String only = null;
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
        only = "null";
      }
      return only;
    }
    return null;
  }

  /** Whether a schema allows nothing but null (drf-spectacular's {@code NullEnum}, type null). */
  private boolean onlyNull(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < MAX_MERGE_DEPTH && s != null && s.has("$ref"); i++) {
      s = resolve(s.get("$ref").asText());
    }
    if (s == null || !s.isObject()) {
      return false;
    }
    JsonNode en = s.get("enum");
    if (en != null && en.isArray() && en.size() > 0) {
      for (JsonNode v : en) {
        if (!v.isNull()) {
          return false;
        }
      }
      return true;
    }
    return "null".equals(typeOf(s));
  }

  private boolean writeOnly(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < MAX_MERGE_DEPTH && s != null && s.isObject(); i++) {
      if (s.path("writeOnly").asBoolean(false)) {
        return true;
      }
      if (!s.has("$ref")) {
        return false;
      }
      s = resolve(s.get("$ref").asText());
    }
    return false;
  }

  /** A schema with allOf, flattened into one: properties merged, other keywords first wins. */
  private Merged mergeAllOf(JsonNode schema) {
    ObjectNode merged = nodes.objectNode();
    ObjectNode properties = nodes.objectNode();
    List<String> resources = new ArrayList<>();
    mergeInto(schema, merged, properties, resources, 0);
    if (properties.size() > 0) {
      merged.set("properties", properties);
    }
    if (!merged.has("type") && properties.size() > 0) {
      merged.put("type", "object");
    }
    return new Merged(merged, resources.isEmpty() ? null : resources.get(0));
  }

  private void mergeInto(JsonNode schema, ObjectNode merged, ObjectNode properties,
      List<String> resources, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_MERGE_DEPTH) {
      return;
    }
    JsonNode s = schema;
    for (int i = 0; i < MAX_MERGE_DEPTH && s != null && s.has("$ref"); i++) {
      String pointer = s.get("$ref").asText();
      resources.add(simpleName(pointer));
      s = resolve(pointer);
    }
    if (s == null || !s.isObject()) {
      return;
    }
    JsonNode props = s.get("properties");
    if (props != null && props.isObject()) {
      props.properties().iterator().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
    }
    Iterator<Map.Entry<String, JsonNode>> it = s.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (!k.equals("allOf") && !k.equals("properties") && !k.equals("$ref")
          && !merged.has(k)) {
        merged.set(k, e.getValue());
      }
    }
    JsonNode parts = s.get("allOf");
    if (parts != null && parts.isArray()) {
      for (JsonNode part : parts) {
        mergeInto(part, merged, properties, resources, depth + 1);
      }
    }
  }

  private static String simpleName(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? pointer : pointer.substring(slash + 1);
  }

  private static final class Merged {
    final JsonNode schema;
    final String resource;

    Merged(JsonNode schema, String resource) {
      this.schema = schema;
      this.resource = resource;
    }
  }

  /** Counts nodes of one generated value, so one huge schema cannot blow up an answer. */
  private static final class Budget {
    private int used;

    void add(int n) {
      used += n;
    }

    boolean exhausted() {
      return used >= MAX_NODES;
    }
  }

  /** Where the generator is: property name, resource (last $ref), array position, depth. */
  private static final class Ctx {
    final Budget budget;
    final String property;
    final String resource;
    final int ordinal;
    final int depth;
    final List<String> refs;
    /** Whether a $ref named the current schema (no property or item entered since). */
    final boolean named;

    private Ctx(Budget budget, String property, String resource, int ordinal, int depth,
        List<String> refs, boolean named) {
      this.budget = budget;
      this.property = property;
      this.resource = resource;
      this.ordinal = ordinal;
      this.depth = depth;
      this.refs = refs;
      this.named = named;
    }

    static Ctx root(Budget budget) {
      return new Ctx(budget, null, null, 0, 0, Collections.emptyList(), false);
    }

    Ctx child(String name) {
      return new Ctx(budget, name, resource, ordinal, depth + 1, refs, false);
    }

    Ctx item(String name, int index) {
      return new Ctx(budget, name, resource, index, depth + 1, refs, false);
    }

    Ctx withRef(String pointer) {
      List<String> next = new ArrayList<>(refs.size() + 1);
      next.addAll(refs);
      next.add(pointer);
      return new Ctx(budget, property, simpleName(pointer), ordinal, depth, next, true);
    }

    Ctx withResource(String name) {
      return new Ctx(budget, property, name, ordinal, depth, refs, true);
    }

    int count(String pointer) {
      int n = 0;
      for (String r : refs) {
        if (r.equals(pointer)) {
          n++;
        }
      }
      return n;
    }

    String name() {
      return property == null ? "" : property.toLowerCase(Locale.ROOT);
    }

    String resourceKey() {
      return resource == null ? "" : resource.toLowerCase(Locale.ROOT);
    }
  }
}
