package dev.hedgekit.posthog.toolkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the catalogue knows about one action: the operation that serves it (from the
 * spec), the parameters a caller may pass, and how they map onto the generated raw method.
 */
final class ToolSpec {

  final String slug;
  final String operationId;
  final String method;
  final String path;
  final String summary;
  final String description;
  final boolean deprecated;
  /** The API area (the operation's tag), e.g. {@code feature_flags}; may be empty. */
  final String area;
  /** {@code x-hedgekit-upstream} of the operation, {@code served} when absent. */
  final String upstream;
  /** {@code x-hedgekit-replacement}: what to use instead, or null. */
  final String replacement;
  /** Path, query and header parameters, then body fields, each in spec order. */
  final List<ParamSpec> params;
  /** Every accepted name (including aliases) to its parameter. */
  final Map<String, ParamSpec> byName;
  /**
   * The body's schema, or null when the operation takes no body; for a body that is a list
   * of objects, the schema of one item (see {@link #bodyIsList}).
   */
  final Schema body;
  /** Whether PostHog takes a list of objects: the fields make one item, sent as a list. */
  final boolean bodyIsList;
  /** Whether the spec marks the request body as required. */
  final boolean bodyRequired;
  /** The generated method that runs the operation. */
  final Invoker invoker;

  ToolSpec(Catalog.Entry entry, List<ParamSpec> params, Schema body, boolean bodyIsList,
      boolean bodyRequired, Invoker invoker) {
    this.slug = entry.slug;
    this.operationId = entry.operationId;
    this.method = entry.method;
    this.path = entry.path;
    this.summary = entry.summary;
    this.description = entry.description;
    this.deprecated = entry.deprecated;
    this.area = entry.area;
    this.upstream = entry.upstream;
    this.replacement = entry.replacement;
    this.params = List.copyOf(params);
    this.body = body;
    this.bodyIsList = bodyIsList;
    this.bodyRequired = bodyRequired;
    this.invoker = invoker;
    Map<String, ParamSpec> names = new LinkedHashMap<>();
    for (ParamSpec p : params) {
      names.putIfAbsent(p.name, p);
    }
    for (ParamSpec p : params) {
      for (String alias : p.aliases) {
        names.putIfAbsent(alias, p);
      }
    }
    this.byName = Collections.unmodifiableMap(names);
  }

  /** @return whether the method only reads (GET, HEAD, OPTIONS) */
  boolean readOnly() {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  /** @return whether PostHog no longer serves the operation */
  boolean retired() {
    return "removed".equals(upstream);
  }

  /** @return the names a caller may use, canonical names first, in spec order */
  List<String> acceptedNames() {
    return List.copyOf(byName.keySet());
  }

  @Override
  public String toString() {
    return slug + " (" + method + " " + path + ")";
  }
}
