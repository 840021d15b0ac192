package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the previous selection with a new one, operation by operation, and lists what
 * changed upstream. Each finding says whether it breaks callers of the generated code.
 */
final class Drift {

  /** One change found upstream. */
  static final class Item implements Comparable<Item> {
    final String operation;
    final String kind;
    final String detail;
    final boolean breaking;

    Item(String operation, String kind, String detail, boolean breaking) {
      this.operation = operation;
      this.kind = kind;
      this.detail = detail;
      this.breaking = breaking;
    }

    @Override
    public int compareTo(Item o) {
      int c = operation.compareTo(o.operation);
      if (c != 0) {
        return c;
      }
      c = kind.compareTo(o.kind);
      return c != 0 ? c : detail.compareTo(o.detail);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item && compareTo((Item) o) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(operation, kind, detail);
    }

    @Override
    public String toString() {
      return (breaking ? "BREAKING " : "") + operation + " " + kind + ": " + detail;
    }
  }

  private final List<Item> items = new ArrayList<>();
  private JsonNode before;
  private JsonNode after;

  List<Item> items() {
    List<Item> sorted = new ArrayList<>(new TreeSet<>(items));
    return sorted;
  }

  boolean breaking() {
    return items.stream().anyMatch(i -> i.breaking);
  }

  void add(String op, String kind, String detail, boolean breaking) {
    items.add(new Item(op, kind, detail, breaking));
  }

  /**
   * Compares one curated operation of the previous selection with the new selection.
   *
   * @param before the previous selection document (to resolve references)
   * @param after the new selection document
   */
  void compare(String id, Normalizer.Match was, Normalizer.Match now, JsonNode before,
      JsonNode after) {
    if (was == null || now == null) {
      return;
    }
    this.before = before;
    this.after = after;
    String wasId = Trees.text(was.operation, "operationId");
    String nowId = Trees.text(now.operation, "operationId");
    if (!Objects.equals(wasId, nowId)) {
      add(id, "operationId changed", wasId + " -> " + nowId
          + " (rename the overlay entry to keep the generated method name in step)", true);
    }
    Map<String, String> renamed = new TreeMap<>();
    if (!was.method.equals(now.method) || !Trees.shape(was.path).equals(Trees.shape(now.path))) {
      add(id, "path changed", was.method.toUpperCase() + " " + was.path + " -> "
          + now.method.toUpperCase() + " " + now.path, true);
    } else if (!was.path.equals(now.path)) {
      // Same URL, new placeholder names: one finding, not a removed and an added parameter.
      add(id, "path parameter renamed", was.path + " -> " + now.path
          + " (the spec keeps the overlay's path; map the new name with renameParameters)", false);
      List<String> oldNames = Trees.pathParams(was.path);
      List<String> newNames = Trees.pathParams(now.path);
      for (int i = 0; i < oldNames.size(); i++) {
        renamed.put(oldNames.get(i), newNames.get(i));
      }
    }
    boolean wasDeprecated = was.operation.path("deprecated").asBoolean(false);
    boolean nowDeprecated = now.operation.path("deprecated").asBoolean(false);
    if (wasDeprecated != nowDeprecated) {
      add(id, nowDeprecated ? "deprecated upstream" : "no longer deprecated upstream",
          "PostHog's schema " + (nowDeprecated ? "now marks" : "no longer marks")
          + " the operation deprecated; record it in the overlay's upstream mark", false);
    }
    compareParameters(id, was.operation, now.operation, renamed);
    compareSchemas(id, "request body",
        was.operation.path("requestBody").path("content").path("application/json").get("schema"),
        now.operation.path("requestBody").path("content").path("application/json").get("schema"),
        true);
    boolean wasReq = was.operation.path("requestBody").path("required").asBoolean(false);
    boolean nowReq = now.operation.path("requestBody").path("required").asBoolean(false);
    if (was.operation.has("requestBody") && now.operation.has("requestBody") && wasReq != nowReq) {
      add(id, "request body required changed", wasReq + " -> " + nowReq, nowReq);
    }
    TreeSet<String> wasStatus = new TreeSet<>(Trees.fieldNames(was.operation.path("responses")));
    TreeSet<String> nowStatus = new TreeSet<>(Trees.fieldNames(now.operation.path("responses")));
    if (!wasStatus.equals(nowStatus)) {
      add(id, "response status changed", wasStatus + " -> " + nowStatus, true);
    } else {
      for (String s : wasStatus) {
        compareSchemas(id, "response " + s,
            was.operation.path("responses").path(s).path("content").path("application/json").get("schema"),
            now.operation.path("responses").path(s).path("content").path("application/json").get("schema"),
            false);
      }
    }
  }

  private void compareParameters(String id, JsonNode was, JsonNode now,
      Map<String, String> renamedPathParams) {
    Map<String, JsonNode> a = new TreeMap<>();
    params(was).forEach((k, v) -> {
      String name = v.path("name").asText();
      a.put(k.startsWith("path ") && renamedPathParams.containsKey(name)
          ? "path " + renamedPathParams.get(name) : k, v);
    });
    Map<String, JsonNode> b = params(now);
    for (Map.Entry<String, JsonNode> e : a.entrySet()) {
      JsonNode n = b.get(e.getKey());
      if (n == null) {
        add(id, "parameter removed", e.getKey(), true);
        continue;
      }
      boolean r0 = e.getValue().path("required").asBoolean(false);
      boolean r1 = n.path("required").asBoolean(false);
      if (r0 != r1) {
        add(id, "parameter required changed", e.getKey() + " " + r0 + " -> " + r1, r1);
      }
      String t0 = typeOf(e.getValue().get("schema"), before);
      String t1 = typeOf(n.get("schema"), after);
      if (!t0.equals(t1)) {
        add(id, "parameter type changed", e.getKey() + " " + t0 + " -> " + t1, true);
      }
      compareEnum(id, "parameter " + e.getKey(), e.getValue().get("schema"), n.get("schema"));
    }
    for (Map.Entry<String, JsonNode> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        boolean req = e.getValue().path("required").asBoolean(false);
        add(id, "parameter added", e.getKey() + (req ? " (required)" : " (optional)"), req);
      }
    }
  }

  private static Map<String, JsonNode> params(JsonNode op) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode p : op.path("parameters")) {
      out.put(p.path("in").asText() + " " + p.path("name").asText(), p);
    }
    return out;
  }

  private void compareEnum(String id, String what, JsonNode s0, JsonNode s1) {
    if (s0 == null || s1 == null || !s0.has("enum") || !s1.has("enum")) {
      return;
    }
    TreeSet<String> a = new TreeSet<>();
    s0.get("enum").forEach(v -> a.add(v.asText()));
    TreeSet<String> b = new TreeSet<>();
    s1.get("enum").forEach(v -> b.add(v.asText()));
    TreeSet<String> removed = new TreeSet<>(a);
    removed.removeAll(b);
    TreeSet<String> added = new TreeSet<>(b);
    added.removeAll(a);
    if (!removed.isEmpty()) {
      add(id, "enum values removed", what + " " + removed, true);
    }
    if (!added.isEmpty()) {
      add(id, "enum values added", what + " " + added, false);
    }
  }

  /** Compares the top-level shape: type, and for objects each property's type and required flag. */
  private void compareSchemas(String id, String where, JsonNode s0, JsonNode s1, boolean input) {
    if (s0 == null && s1 == null) {
      return;
    }
    if (s0 == null || s1 == null) {
      add(id, where + " " + (s0 == null ? "added" : "removed"), s0 == null ? typeOf(s1, after)
          : typeOf(s0, before), true);
      return;
    }
    String t0 = typeOf(s0, before);
    String t1 = typeOf(s1, after);
    if (!t0.equals(t1)) {
      add(id, where + " type changed", t0 + " -> " + t1, true);
      return;
    }
    JsonNode o0 = resolve(s0, before);
    JsonNode o1 = resolve(s1, after);
    if (o0.path("type").asText("").equals("array")) {
      o0 = resolve(o0.path("items"), before);
      o1 = resolve(o1.path("items"), after);
    }
    JsonNode p0 = o0.path("properties");
    JsonNode p1 = o1.path("properties");
    TreeSet<String> req0 = new TreeSet<>();
    o0.path("required").forEach(r -> req0.add(r.asText()));
    TreeSet<String> req1 = new TreeSet<>();
    o1.path("required").forEach(r -> req1.add(r.asText()));
    for (String f : new TreeSet<>(Trees.fieldNames(p0))) {
      if (!p1.has(f)) {
        add(id, where + " field removed", f, true);
        continue;
      }
      String f0 = typeOf(p0.get(f), before);
      String f1 = typeOf(p1.get(f), after);
      if (!f0.equals(f1)) {
        add(id, where + " field type changed", f + " " + f0 + " -> " + f1, true);
      }
      if (input && req0.contains(f) != req1.contains(f)) {
        add(id, where + " field required changed", f + " " + req0.contains(f) + " -> "
            + req1.contains(f), req1.contains(f));
      }
      compareEnum(id, where + " field " + f, resolve(p0.get(f), before), resolve(p1.get(f), after));
    }
    for (String f : new TreeSet<>(Trees.fieldNames(p1))) {
      if (!p0.has(f)) {
        boolean req = input && req1.contains(f);
        add(id, where + " field added", f + (req ? " (required)" : ""), req);
      }
    }
  }

  private static JsonNode resolve(JsonNode s, JsonNode doc) {
    for (int guard = 0; s != null && guard < 8; guard++) {
      String ref = Trees.refName(s);
      if (ref == null && s.has("allOf") && s.get("allOf").size() == 1) {
        ref = Trees.refName(s.get("allOf").get(0));
      }
      if (ref == null) {
        return s;
      }
      s = doc.path("components").path("schemas").get(ref);
    }
    return s == null ? Trees.obj() : s;
  }

  /** A short description of a schema's type, e.g. string/uuid, array<FeatureFlag>, ref:X. */
  static String typeOf(JsonNode s, JsonNode doc) {
    if (s == null) {
      return "none";
    }
    String ref = Trees.refName(s);
    if (ref == null && s.has("allOf") && s.get("allOf").size() == 1) {
      ref = Trees.refName(s.get("allOf").get(0));
    }
    if (ref != null) {
      JsonNode target = doc.path("components").path("schemas").path(ref);
      if (target.has("enum") && !target.has("properties")) {
        return "enum";
      }
      return "ref:" + ref;
    }
    String t = s.path("type").asText("any");
    if (t.equals("array")) {
      return "array<" + typeOf(s.get("items"), doc) + ">";
    }
    if (s.has("format")) {
      t += "/" + s.get("format").asText();
    }
    return t;
  }

  String markdown(String source) {
    StringBuilder sb = new StringBuilder("# Drift report\n\n");
    if (source != null) {
      sb.append(source).append("\n\n");
    }
    List<Item> all = items();
    if (all.isEmpty()) {
      sb.append("No drift: the curated operations are unchanged upstream.\n");
      return sb.toString();
    }
    long breaking = all.stream().filter(i -> i.breaking).count();
    sb.append(all.size()).append(" change(s), ").append(breaking).append(" breaking.\n\n");
    sb.append("| operation | change | detail | breaking |\n|---|---|---|---|\n");
    for (Item i : all) {
      sb.append("| ").append(i.operation).append(" | ").append(i.kind).append(" | ")
          .append(i.detail.replace("|", "\\|")).append(" | ").append(i.breaking ? "yes" : "no")
          .append(" |\n");
    }
    return sb.toString();
  }

}
