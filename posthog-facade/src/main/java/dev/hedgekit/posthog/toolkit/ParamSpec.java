package dev.hedgekit.posthog.toolkit;

import java.util.List;

/**
 * One parameter of an action as the caller names it: a path or query parameter of the
 * operation, or a top-level field of its JSON request body.
 */
final class ParamSpec {

  /** Where a parameter goes on the wire. */
  enum In {
    /** A segment of the URL path. */
    PATH("path parameter"),
    /** A query parameter. */
    QUERY("query parameter"),
    /** A request header. */
    HEADER("header"),
    /** A field of the JSON body. */
    BODY("body field");

    private final String label;

    In(String label) {
      this.label = label;
    }

    /** @return how messages name this location, e.g. {@code path parameter} */
    String label() {
      return label;
    }
  }

  final String name;
  final In in;
  final boolean required;
  final Schema schema;
  final String description;
  final List<String> aliases;

  ParamSpec(String name, In in, boolean required, Schema schema, String description,
      List<String> aliases) {
    this.name = name;
    this.in = in;
    this.required = required;
    this.schema = schema;
    this.description = description;
    this.aliases = List.copyOf(aliases);
  }

  /** @return whether PostHog ignores this field when sent (body fields only) */
  boolean readOnly() {
    return in == In.BODY && schema.readOnly();
  }

  /** @return whether the value goes into the URL or a header rather than the body */
  boolean onWire() {
    return in != In.BODY;
  }

  @Override
  public String toString() {
    return name + " (" + in.label() + ")";
  }
}
