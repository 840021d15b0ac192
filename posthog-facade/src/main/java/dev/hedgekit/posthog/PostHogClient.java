package dev.hedgekit.posthog;

import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.resources.Organizations;
import dev.hedgekit.posthog.resources.Users;
import dev.hedgekit.posthog.toolkit.Toolkit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Entry point of the SDK: a client of PostHog's management API for one personal API key.
 *
 * <pre>{@code
 * try (PostHogClient client = PostHogClient.builder()
 *     .apiKey(System.getenv("POSTHOG_PERSONAL_API_KEY"))
 *     .subdomain("eu")
 *     .build()) {
 *   for (FeatureFlag flag : client.project(42).featureFlags().listAll()) { ... }
 * }
 * }</pre>
 *
 * <p>The client is shaped like PostHog's URLs: {@link #project(long)} holds what lives under
 * {@code /api/projects/{id}/}, {@link #organization(String)} what lives under
 * {@code /api/organizations/{id}/}. Every operation of the curated spec is also reachable
 * through {@link #generated(Class)}, and every documented toolkit action through
 * {@link #toolkit()}.
 *
 * <p>A client is immutable and thread-safe: build one per key and share it. It owns a pool of
 * HTTP connections (and, once used, a deadline watchdog thread and an async thread pool), all
 * released by {@link #close()}. {@link #withOptions} makes views that share them.
 */
public final class PostHogClient implements AutoCloseable {

  /** Environment variable holding the personal API key. */
  public static final String ENV_API_KEY = "POSTHOG_PERSONAL_API_KEY";
  /** Environment variable holding the base URL of the instance (overrides the subdomain). */
  public static final String ENV_HOST = "POSTHOG_HOST";
  /** Environment variable holding the cloud subdomain ({@code us} or {@code eu}). */
  public static final String ENV_SUBDOMAIN = "POSTHOG_SUBDOMAIN";
  /** Environment variable holding the default project id. */
  public static final String ENV_PROJECT_ID = "POSTHOG_PROJECT_ID";
  /** Environment variable holding the default organization id. */
  public static final String ENV_ORGANIZATION_ID = "POSTHOG_ORGANIZATION_ID";
  /** Environment variable that allows plain http to a host that is not loopback ({@code true}). */
  public static final String ENV_ALLOW_INSECURE_HTTP = "POSTHOG_ALLOW_INSECURE_HTTP";
  /** Environment variable holding the response size limit in bytes. */
  public static final String ENV_MAX_RESPONSE_BYTES = "POSTHOG_MAX_RESPONSE_BYTES";

  private final ClientContext context;
  private final boolean owner;
  private volatile Toolkit toolkit;

  PostHogClient(ClientContext context, boolean owner) {
    this.context = context;
    this.owner = owner;
  }

  /** @return a builder with the defaults (subdomain {@code us}) */
  public static PostHogClientBuilder builder() {
    return new PostHogClientBuilder();
  }

  /**
   * A client configured from the process environment: {@value #ENV_API_KEY} (required),
   * {@value #ENV_HOST} (a base URL) or {@value #ENV_SUBDOMAIN}, and optionally
   * {@value #ENV_PROJECT_ID}, {@value #ENV_ORGANIZATION_ID}, {@value #ENV_ALLOW_INSECURE_HTTP}
   * and {@value #ENV_MAX_RESPONSE_BYTES}.
   *
   * @return the client
   * @throws IllegalArgumentException if the key is missing or a value is invalid; the message
   *     names the variable
   */
  public static PostHogClient fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Like {@link #fromEnv()} but reading the given map instead of the process environment.
   *
   * @param env variables by name
   * @return the client
   */
  public static PostHogClient fromEnv(Map<String, String> env) {
    return builder().env(env).build();
  }

  /**
   * The resources of one project (everything under {@code /api/projects/{id}/}).
   *
   * @param projectId the project's numeric id
   * @return the project scope
   */
  public ProjectScope project(long projectId) {
    return new ProjectScope(context, Long.toString(projectId));
  }

  /**
   * The resources of one project.
   *
   * @param projectId the project's numeric id as text, or {@code @current} for the key's
   *     current project
   * @return the project scope
   * @throws IllegalArgumentException if the id is neither a number nor {@code @current}
   */
  public ProjectScope project(String projectId) {
    return new ProjectScope(context, ProjectScope.checkId(projectId));
  }

  /**
   * The resources of the default project, set with {@code PostHogClientBuilder.projectId(...)}
   * or {@value #ENV_PROJECT_ID}.
   *
   * @return the project scope
   * @throws IllegalStateException if no default project is configured
   */
  public ProjectScope project() {
    return new ProjectScope(context, context.defaultProjectId());
  }

  /**
   * The resources of one organization (everything under {@code /api/organizations/{id}/}).
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the organization scope
   */
  public OrganizationScope organization(String organizationId) {
    return new OrganizationScope(context, OrganizationScope.checkId(organizationId));
  }

  /**
   * The resources of the default organization, set with
   * {@code PostHogClientBuilder.organizationId(...)} or {@value #ENV_ORGANIZATION_ID}.
   *
   * @return the organization scope
   * @throws IllegalStateException if no default organization is configured
   */
  public OrganizationScope organization() {
    return new OrganizationScope(context, context.defaultOrganizationId());
  }

  /**
   * The organizations the key can see, and organizations by id.
   *
   * @return the resource group
   */
  public Organizations organizations() {
    String org = context.config().organizationId();
    return new Organizations(context, org == null ? "@current" : org);
  }

  /**
   * Users: the key's own user ({@code @me}) and its settings.
   *
   * @return the resource group
   */
  public Users users() {
    return new Users(context);
  }

  /**
   * Runs, validates, lists and describes the toolkit's documented actions by slug, and exports
   * them as tool definitions for LLM agents. Calls use this client's (or view's) options.
   *
   * @return the toolkit of this client or view
   */
  public Toolkit toolkit() {
    Toolkit t = toolkit;
    if (t == null) {
      synchronized (this) {
        t = toolkit;
        if (t == null) {
          t = new Toolkit(context);
          toolkit = t;
        }
      }
    }
    return t;
  }

  /**
   * A proxy of any generated interface ({@code dev.hedgekit.posthog.generated.api}), wired to
   * this client or view: authentication, its options, retries, rate limits and error
   * normalization. Every operation of the curated spec is reachable this way.
   *
   * @param generatedInterface e.g. {@code FeatureFlagsApi.class}
   * @param <T> the interface type
   * @return the proxy (made once per client or view and interface)
   */
  public <T> T generated(Class<T> generatedInterface) {
    return context.api(Objects.requireNonNull(generatedInterface, "generatedInterface"));
  }

  /**
   * A view of this client whose calls use the given options (read timeout, call timeout,
   * retries, response size limit, extra headers) on top of this client's or view's. The view
   * shares the connections and threads; closing a view does nothing, closing the client ends
   * every view.
   *
   * <pre>{@code
   * client.withOptions(RequestOptions.builder().maxRetries(0).build()).project(1).featureFlags().get(7);
   * }</pre>
   *
   * @param options the options
   * @return the view
   */
  public PostHogClient withOptions(RequestOptions options) {
    return new PostHogClient(context.withOptions(Objects.requireNonNull(options, "options")),
        false);
  }

  /** @return the options of this client or view */
  public RequestOptions requestOptions() {
    return context.options();
  }

  /**
   * Runs the calls made by {@code work} on the async executor (the one given to the builder,
   * or the client's own pool). Cancelling the returned future aborts the request in flight and
   * any wait between retries; the future then completes with a
   * {@link java.util.concurrent.CancellationException}. Failures complete it exceptionally with
   * the same exceptions the blocking calls would throw.
   *
   * <pre>{@code
   * CompletableFuture<FeatureFlag> flag = client.async(c -> c.project(1).featureFlags().get(7));
   * }</pre>
   *
   * @param work the calls to make, given this client or view
   * @param <T> the result type
   * @return the future result
   */
  public <T> CompletableFuture<T> async(Function<PostHogClient, T> work) {
    Objects.requireNonNull(work, "work");
    return context.async(() -> work.apply(this));
  }

  /** For the SDK's tests and tools in this package: the client's context. */
  ClientContext context() {
    return context;
  }

  /** @return the base URL requests go to, e.g. {@code https://us.posthog.com} */
  public String baseUrl() {
    return context.config().endpoint().url();
  }

  /**
   * Releases the connection pool and the client's threads; calls made afterwards, on the
   * client or any of its views, fail with {@link IllegalStateException}. Closing twice is
   * harmless. Closing a view made by {@link #withOptions} does nothing.
   */
  @Override
  public void close() {
    if (owner) {
      context.core().close();
    }
  }

  @Override
  public String toString() {
    return "PostHogClient{" + context.config().endpoint() + ", apiKey="
        + context.config().apiKey() + (owner ? "" : ", view " + context.options()) + "}";
  }
}
