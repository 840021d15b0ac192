package dev.hedgekit.posthog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolDescriptor;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.toolkit.ToolFormat;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * A command line for PostHog actions by slug:
 *
 * <pre>
 * actions list [--filter TEXT]          one line per action: slug, method and path, summary
 * actions describe SLUG                 the JSON Schema of the action's parameters
 * call SLUG [key=value ...]             run an action; values are JSON when they parse, else text
 * call SLUG --json '{"key": value}'     the same with a JSON object (key=value pairs win)
 * tools openai|anthropic                every action as tool definitions (JSON)
 * </pre>
 *
 * <p>{@code call} prints the result envelope {@code {"data", "successful", "error"}} as pretty
 * JSON. By default it runs against the embedded {@link SandboxServer} (project 1; nothing
 * leaves the machine); with {@code POSTHOG_PERSONAL_API_KEY} set it calls the real PostHog
 * ({@link PostHogClient#fromEnv()}: {@code POSTHOG_HOST} or {@code POSTHOG_SUBDOMAIN},
 * {@code POSTHOG_PROJECT_ID}, {@code POSTHOG_ORGANIZATION_ID}); {@code --sandbox} forces the
 * sandbox. Exit status: 0 when the command succeeded, 1 when it did not (a failed call, an
 * unknown slug), 2 for a command line that cannot be run.
 *
 * <p>From the repository root:
 * <pre>
 * mvn -B -q -DskipTests -pl posthog-examples -am package exec:java \
 *   -Dexec.mainClass=dev.hedgekit.posthog.examples.cli.PostHogCli \
 *   -Dexec.args="call POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS limit=2"
 * </pre>
 */
public final class PostHogCli {

  /** Exit status of a command that succeeded. */
  public static final int EXIT_OK = 0;
  /** Exit status of a command that ran and failed (a failed call, an unknown slug). */
  public static final int EXIT_FAILED = 1;
  /** Exit status of a command line that cannot be run. */
  public static final int EXIT_USAGE = 2;

  /** The key the sandbox is called with (it accepts any bearer token). */
  static final String SANDBOX_KEY = "phx_sandbox_not_a_real_key";
  /** The project the sandbox calls default to. */
  static final String SANDBOX_PROJECT = "1";

  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: posthog-cli [--sandbox] COMMAND",
      "  actions list [--filter TEXT]        list the actions (slug, method and path, summary)",
      "  actions describe SLUG               print the JSON Schema of an action's parameters",
      "  call SLUG [key=value ...]           run an action (values are JSON when they parse)",
      "  call SLUG --json '{\"key\": 1}'       run an action with a JSON object of parameters",
      "  tools openai|anthropic              print every action as tool definitions",
      "Calls go to a local sandbox unless " + PostHogClient.ENV_API_KEY + " is set"
          + " (then " + PostHogClient.ENV_HOST + "/" + PostHogClient.ENV_SUBDOMAIN + ", "
          + PostHogClient.ENV_PROJECT_ID + " and " + PostHogClient.ENV_ORGANIZATION_ID
          + " are read too); --sandbox forces the sandbox.",
      "Exit status: 0 success, 1 failure, 2 usage error.");

  private PostHogCli() {
  }

  /**
   * Runs the command line with the process environment and exits with its status (only when
   * it is not 0, so {@code mvn exec:java} is not cut short).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != EXIT_OK) {
      System.exit(status);
    }
  }

  /**
   * Runs a command line.
   *
   * @param args the command line
   * @param env environment variables (the sandbox is used unless the API key is set)
   * @param out where results are printed
   * @param err where usage and progress notes are printed
   * @return {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out,
      PrintStream err) {
    CliArguments a;
    try {
      a = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return EXIT_USAGE;
    }
    if (a.command == CliArguments.Command.HELP) {
      out.println(USAGE);
      return EXIT_OK;
    }
    boolean live = !a.sandbox && hasKey(env);
    if (a.command != CliArguments.Command.CALL) {
      // Listing and describing send nothing: no sandbox is needed.
      try (PostHogClient client = live ? fromEnv(env) : offline()) {
        return describe(a, client, out, err);
      } catch (IllegalArgumentException e) {
        err.println("error: the PostHog settings in the environment are not usable: "
            + e.getMessage());
        return EXIT_USAGE;
      }
    }
    if (live) {
      PostHogClient client;
      try {
        client = fromEnv(env);
      } catch (IllegalArgumentException e) {
        err.println("error: the PostHog settings in the environment are not usable: "
            + e.getMessage());
        return EXIT_USAGE;
      }
      try (client) {
        return call(a, client, out);
      }
    }
    try (SandboxServer sandbox = SandboxServer.start();
         PostHogClient client = PostHogClient.builder()
             .apiKey(SANDBOX_KEY)
             .baseUrl(sandbox.baseUrl())
             .projectId(SANDBOX_PROJECT)
             .build()) {
      err.println("(sandbox at " + sandbox.baseUrl() + ", project " + SANDBOX_PROJECT
          + "; set " + PostHogClient.ENV_API_KEY + " to call PostHog)");
      return call(a, client, out);
    }
  }

  private static boolean hasKey(Map<String, String> env) {
    String key = env.get(PostHogClient.ENV_API_KEY);
    return key != null && !key.isBlank();
  }

  private static PostHogClient fromEnv(Map<String, String> env) {
    return PostHogClient.fromEnv(env);
  }

  /** A client that is never used to send anything: for listing and describing. */
  private static PostHogClient offline() {
    return PostHogClient.builder().apiKey(SANDBOX_KEY).baseUrl("http://127.0.0.1:9").build();
  }

  private static int call(CliArguments a, PostHogClient client, PrintStream out) {
    ToolResult r = client.toolkit().execute(a.operand, a.params);
    out.println(r.toJson().toPrettyString());
    return r.successful() ? EXIT_OK : EXIT_FAILED;
  }

  private static int describe(CliArguments a, PostHogClient client, PrintStream out,
      PrintStream err) {
    switch (a.command) {
      case LIST: {
        String f = a.filter == null ? null : a.filter.toLowerCase(Locale.ROOT);
        int n = 0;
        for (ToolDescriptor d : client.toolkit().list()) {
          String line = d.slug() + "\t" + d.method() + " " + d.path() + "\t" + d.summary()
              + (d.deprecated() ? " (deprecated)" : "");
          if (f == null || line.toLowerCase(Locale.ROOT).contains(f)
              || d.operationId().toLowerCase(Locale.ROOT).contains(f)) {
            out.println(line);
            n++;
          }
        }
        err.println(n + " action" + (n == 1 ? "" : "s"));
        return EXIT_OK;
      }
      case DESCRIBE: {
        try {
          out.println(pretty(client.toolkit().describe(a.operand).parametersSchema()));
          return EXIT_OK;
        } catch (IllegalArgumentException e) {
          err.println("error: " + e.getMessage());
          return EXIT_FAILED;
        }
      }
      default: {
        ToolFormat format = "openai".equals(a.operand) ? ToolFormat.OPENAI : ToolFormat.ANTHROPIC;
        out.println(pretty(client.toolkit().toolDefinitions(format)));
        return EXIT_OK;
      }
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
