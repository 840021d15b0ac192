package dev.hedgekit.posthog.toolkit;

import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Why an action failed: a readable {@link #message()}, the {@link #kind()} of failure, and the
 * details that kind carries (the parameter and rule of a validation error; status, PostHog's
 * type, code, detail and attr of an API error). Immutable. Messages never contain the API key
 * or a request header.
 */
public final class ToolError {

  /** The kinds of failure. */
  public enum Kind {
    /** The call was refused before anything was sent: see {@link #problems()}. */
    VALIDATION,
    /** PostHog answered with a status that is not a success. */
    API,
    /** The request failed on the network (refused connection, reset, truncated answer). */
    NETWORK,
    /** A connect, read or overall call timeout expired. */
    TIMEOUT,
    /** PostHog answered with success but the body is not JSON. */
    DECODE,
    /** The call was cancelled (its future was cancelled or its thread interrupted). */
    CANCELLED,
    /** The client could not make the call at all, e.g. because it was closed. */
    CLIENT
  }

  private final Kind kind;
  private final String message;
  private final List<ValidationProblem> problems;
  private final PostHogException exception;

  private ToolError(Kind kind, String message, List<ValidationProblem> problems,
      PostHogException exception) {
    this.kind = kind;
    this.message = message;
    this.problems = List.copyOf(problems);
    this.exception = exception;
  }

  static ToolError validation(List<ValidationProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation error needs at least one problem");
    }
    String message = problems.stream().map(ValidationProblem::message)
        .collect(Collectors.joining("; "));
    return new ToolError(Kind.VALIDATION, message, problems, null);
  }

  /**
   * The error for a failure thrown while the call ran.
   *
   * @param slug the action
   * @param failure what was thrown
   * @return the error
   */
  static ToolError of(String slug, Throwable failure) {
    Throwable t = failure;
    if (t instanceof PostHogException) {
      PostHogException e = (PostHogException) t;
      return new ToolError(kindOf(e), messageOf(e), List.of(), e);
    }
    if (t instanceof CancellationException || t instanceof InterruptedException) {
      String m = slug + " was cancelled" + (t.getMessage() == null ? "" : ": " + t.getMessage());
      return new ToolError(Kind.CANCELLED, m, List.of(), new PostHogException(m, t));
    }
    String m = slug + " could not be called: " + t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return new ToolError(Kind.CLIENT, m, List.of(), new PostHogException(m, t));
  }

  private static Kind kindOf(PostHogException e) {
    if (e instanceof PostHogApiException) {
      return Kind.API;
    }
    if (e instanceof PostHogTimeoutException) {
      return Kind.TIMEOUT;
    }
    if (e instanceof PostHogIoException) {
      return Kind.NETWORK;
    }
    if (e instanceof PostHogDecodeException) {
      return Kind.DECODE;
    }
    return Kind.CLIENT;
  }

  private static String messageOf(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** @return the kind of failure */
  public Kind kind() {
    return kind;
  }

  /**
   * The readable message: for a validation error every problem's message joined with
   * {@code "; "}; for an API error PostHog's status, method, path, error type, code, detail
   * and attr; otherwise what failed and where.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /** @return the validation problems, all of them; empty for other kinds */
  public List<ValidationProblem> problems() {
    return problems;
  }

  /** @return the parameter of the first validation problem, or null */
  public String parameter() {
    return problems.isEmpty() ? null : problems.get(0).parameter();
  }

  /** @return the rule of the first validation problem, or null for other kinds */
  public ValidationRule rule() {
    return problems.isEmpty() ? null : problems.get(0).rule();
  }

  /** @return the HTTP status of an API or decode error, or null */
  public Integer status() {
    if (exception instanceof PostHogApiException) {
      return ((PostHogApiException) exception).status();
    }
    if (exception instanceof PostHogDecodeException) {
      return ((PostHogDecodeException) exception).status();
    }
    return null;
  }

  /** @return PostHog's error type of an API error (e.g. {@code validation_error}), or null */
  public String type() {
    return exception instanceof PostHogApiException
        ? ((PostHogApiException) exception).type() : null;
  }

  /** @return PostHog's error code of an API error (e.g. {@code not_found}), or null */
  public String code() {
    return exception instanceof PostHogApiException
        ? ((PostHogApiException) exception).code() : null;
  }

  /** @return PostHog's explanation of an API error, or null */
  public String detail() {
    return exception instanceof PostHogApiException
        ? ((PostHogApiException) exception).detail() : null;
  }

  /** @return the field an API error is about, or null */
  public String attr() {
    return exception instanceof PostHogApiException
        ? ((PostHogApiException) exception).attr() : null;
  }

  /** @return the typed exception behind the error; null for a validation error */
  PostHogException exception() {
    return exception;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ToolError)) {
      return false;
    }
    ToolError e = (ToolError) o;
    return kind == e.kind && message.equals(e.message) && problems.equals(e.problems);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, message, problems);
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
