package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What an action does and what it takes: its slug, the spec operation behind it, and a JSON
 * Schema (draft 2020-12) of its parameters. Immutable; obtained from {@link Toolkit#list()} or
 * {@link Toolkit#describe(String)}.
 */
public final class ToolDescriptor {

  private final ToolSpec spec;
  private final ObjectNode schema;

  ToolDescriptor(ToolSpec spec, ObjectNode schema) {
    this.spec = spec;
    this.schema = schema;
  }

  /** @return the slug, e.g. {@code POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS} */
  public String slug() {
    return spec.slug;
  }

  /** @return the operationId in the spec, e.g. {@code feature_flags_list} */
  public String operationId() {
    return spec.operationId;
  }

  /** @return the one-line summary from the spec (may be empty) */
  public String summary() {
    return spec.summary;
  }

  /** @return the longer description from the spec (may be empty) */
  public String description() {
    return spec.description;
  }

  /** @return the HTTP method in upper case */
  public String method() {
    return spec.method;
  }

  /** @return the path template, e.g. {@code /api/projects/{project_id}/feature_flags/} */
  public String path() {
    return spec.path;
  }

  /** @return whether PostHog marks the operation deprecated (removed operations are too) */
  public boolean deprecated() {
    return spec.deprecated;
  }

  /**
   * @return the API area: the operation's tag in the spec, e.g. {@code feature_flags} (empty
   *     when it has none)
   */
  public String area() {
    return spec.area;
  }

  /**
   * Whether PostHog still serves the operation, from the spec's {@code x-hedgekit-upstream}:
   * {@code served} (the default), {@code hidden} (served but absent from PostHog's published
   * schema), {@code deprecated}, {@code removed} or {@code unverified}; lower case, and any
   * other value the spec gains is passed through.
   *
   * @return the status
   */
  public String upstream() {
    return spec.upstream;
  }

  /** @return whether PostHog has removed the operation ({@code upstream()} is {@code removed}) */
  public boolean retired() {
    return spec.retired();
  }

  /** @return what to use instead, from the spec's {@code x-hedgekit-replacement}, if given */
  public Optional<String> replacement() {
    return Optional.ofNullable(spec.replacement);
  }

  /** @return whether the operation only reads (HTTP GET, HEAD or OPTIONS) */
  public boolean readOnly() {
    return spec.readOnly();
  }

  /**
   * The parameters as a JSON Schema (draft 2020-12) object: {@code $schema}, {@code title}
   * (the slug), {@code description}, {@code type: object}, one property per accepted name
   * (path and query parameters, then body fields) with type, format, enum, default,
   * description and {@code readOnly}, {@code nullable} rendered as {@code [type, "null"]},
   * {@code required}, and {@code additionalProperties: false}. Read-only body fields are
   * listed, marked {@code readOnly} (never required; PostHog ignores them). When the client has a default project
   * or organization, {@code project_id} / {@code organization_id} carry it as {@code default}
   * and are not required.
   *
   * @return a copy of the schema
   */
  public ObjectNode parametersSchema() {
    return schema.deepCopy();
  }

  @Override
  public String toString() {
    return spec.slug + " (" + spec.method + " " + spec.path + ")";
  }
}
