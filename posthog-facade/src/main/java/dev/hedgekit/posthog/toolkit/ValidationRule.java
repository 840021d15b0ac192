package dev.hedgekit.posthog.toolkit;

/**
 * The rule a call broke when {@link Toolkit} refused it before sending anything. Each rule has
 * one message shape, documented on {@link Toolkit}.
 */
public enum ValidationRule {
  /** The slug names no action. */
  UNKNOWN_ACTION,
  /** A parameter name the action does not accept. */
  UNKNOWN_PARAMETER,
  /** The same parameter given twice, under its name and an alias. */
  DUPLICATE,
  /** A required parameter is missing. */
  REQUIRED,
  /** A path parameter is the empty string. */
  EMPTY,
  /** Null for a parameter that is not nullable. */
  NOT_NULLABLE,
  /** A value of the wrong JSON type (after coercion). */
  TYPE,
  /** A string that is not of the declared format (uuid, date-time, email, uri). */
  FORMAT,
  /** A value that is not one of the allowed values. */
  ENUM,
  /** A number below the declared minimum. */
  MINIMUM,
  /** A number above the declared maximum. */
  MAXIMUM,
  /**
   * A path or query value longer than {@link dev.hedgekit.posthog.internal.config.UrlLimits#MAX_VALUE_LENGTH}
   * characters once percent-encoded: too long to travel in a URL.
   */
  TOO_LONG
}
