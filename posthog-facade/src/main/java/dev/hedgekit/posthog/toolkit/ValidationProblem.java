package dev.hedgekit.posthog.toolkit;

import java.util.Objects;

/**
 * One reason a call was refused before anything was sent: which parameter, which rule, and the
 * full message (see {@link Toolkit} for the message shapes).
 */
public final class ValidationProblem {

  private final String parameter;
  private final ValidationRule rule;
  private final String message;

  /**
   * Creates a problem.
   *
   * @param parameter the parameter as the caller named it (with {@code [i]} for an array item),
   *     or null for an unknown action
   * @param rule the rule that was broken
   * @param message the full message
   */
  public ValidationProblem(String parameter, ValidationRule rule, String message) {
    this.parameter = parameter;
    this.rule = Objects.requireNonNull(rule, "rule");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** @return the parameter the problem is about, or null when it is about the action */
  public String parameter() {
    return parameter;
  }

  /** @return the rule that was broken */
  public ValidationRule rule() {
    return rule;
  }

  /**
   * @return the full message, e.g.
   *     {@code parameter 'limit' of POSTHOG_X: expected integer, got string "abc"}
   */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ValidationProblem)) {
      return false;
    }
    ValidationProblem p = (ValidationProblem) o;
    return Objects.equals(parameter, p.parameter) && rule == p.rule && message.equals(p.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, rule, message);
  }

  @Override
  public String toString() {
    return message;
  }
}
