package dev.hedgekit.posthog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.examples.mcp.PostHogMcpServer;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import dev.hedgekit.posthog.internal.json.Json;
import dev.hedgekit.posthog.toolkit.ToolDescriptor;
import dev.hedgekit.posthog.toolkit.ToolFormat;
import dev.hedgekit.posthog.toolkit.ToolLimitExceededException;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.toolkit.ToolSet;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The command line for PostHog actions by slug, for people and for agents:
 *
 * <pre>
 * actions list [SELECTION] [--filter TEXT]   one line per action: slug, method and path, summary
 * actions describe SLUG                      the JSON Schema of the action's parameters
 * call SLUG [key=value ...] [--json OBJECT]  run an action; values are JSON when they parse
 * tools openai|anthropic [SELECTION] [--compact] [--no-limit]   tool definitions (JSON)
 * mcp [SELECTION] [--compact]                an MCP server on stdin/stdout
 * help [COMMAND], COMMAND --help             usage
 * </pre>
 *
 * <p>SELECTION is {@code --area}, {@code --slug}, {@code --pattern} (each repeatable and
 * comma-separated), {@code --read-only} and {@code --include-retired}, as in
 * {@link dev.hedgekit.posthog.toolkit.ToolSelection}. Standard output carries only the
 * command's output (JSON for {@code call}, {@code tools} and {@code describe}; the protocol
 * for {@code mcp}); notes and errors go to standard error.
 *
 * <p>Without {@code POSTHOG_PERSONAL_API_KEY}, calls go to an embedded {@link SandboxServer}
 * (project 1; nothing leaves the machine); with it, to PostHog as configured by
 * {@link PostHogClient#fromEnv()} ({@code POSTHOG_HOST} or {@code POSTHOG_SUBDOMAIN},
 * {@code POSTHOG_PROJECT_ID}, {@code POSTHOG_ORGANIZATION_ID}); {@code --sandbox} forces the
 * sandbox. Exit status: 0 when the command succeeded, 1 when it did not (a failed call, an
 * unknown slug), 2 for a command line that cannot be run.
 *
 * <p>Built as {@code posthog-examples/target/posthog-cli.jar} (every dependency inside):
 * <pre>
 * java -jar posthog-examples/target/posthog-cli.jar call POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS limit=2
 * posthog-examples/bin/posthog tools openai --area feature_flags
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
  public static final String SANDBOX_PROJECT = "1";

  private static final String NL = System.lineSeparator();
  private static final String PROGRAM = "posthog";

  private static final String SELECTION = String.join(NL,
      "Selection (which actions; areas, slugs and patterns add up, none means all):",
      "  --area AREA[,AREA...]     API areas (the spec's tags), e.g. feature_flags,insights",
      "  --slug SLUG[,SLUG...]     single actions",
      "  --pattern GLOB[,GLOB...]  slugs matching a glob (* and ?), e.g. '*FEATURE_FLAG*'",
      "  --read-only               only actions that read (HTTP GET)",
      "  --include-retired         also operations PostHog has removed (left out by default)");

  private static final String ENVIRONMENT = String.join(NL,
      "Environment: " + PostHogClient.ENV_API_KEY + " (without it, calls go to a local"
          + " sandbox), " + PostHogClient.ENV_HOST + " or " + PostHogClient.ENV_SUBDOMAIN + ", "
          + PostHogClient.ENV_PROJECT_ID + ", " + PostHogClient.ENV_ORGANIZATION_ID + ".",
      "--sandbox uses the sandbox even when a key is set.",
      "Exit status: 0 success, 1 unsuccessful (failed call, unknown slug), 2 usage error.");

  private static final String OVERVIEW = String.join(NL,
      "usage: " + PROGRAM + " [--sandbox] COMMAND [OPTIONS]    (or: java -jar posthog-cli.jar ...)",
      "Commands:",
      "  actions list       list actions: slug, method and path, summary",
      "  actions describe   print the JSON Schema of one action's parameters",
      "  call               run an action, print {data, successful, error}",
      "  tools              print tool definitions for OpenAI or Anthropic",
      "  mcp                serve actions to an MCP client over stdin/stdout",
      "  help COMMAND       a command's options (or: COMMAND --help)",
      ENVIRONMENT);

  private PostHogCli() {
  }

  /**
   * Runs the command line with the process environment and exits with its status (only when
   * it is not 0, so {@code mvn exec:java} is not cut short).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.in, System.out, System.err);
    if (status != EXIT_OK) {
      System.exit(status);
    }
  }

  /**
   * Runs a command line that does not read standard input (every command but {@code mcp}).
   *
   * @param args the command line
   * @param env environment variables (the sandbox is used unless the API key is set)
   * @param out where results are printed
   * @param err where usage and notes are printed
   * @return {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out,
      PrintStream err) {
    return run(args, env, InputStream.nullInputStream(), out, err);
  }

  /**
   * Runs a command line.
   *
   * @param args the command line
   * @param env environment variables (the sandbox is used unless the API key is set)
   * @param in what {@code mcp} reads requests from
   * @param out where results (or {@code mcp} answers) are written
   * @param err where usage and notes are printed
   * @return {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
   */
  public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out,
      PrintStream err) {
    CliArguments a;
    try {
      a = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(usage(e.command));
      return EXIT_USAGE;
    }
    if (a.command == CliArguments.Command.HELP) {
      out.println(usage(a.helpFor));
      return EXIT_OK;
    }
    boolean live = !a.sandbox && hasKey(env);
    try {
      switch (a.command) {
        case CALL:
          return live ? callLive(a, env, out) : callSandbox(a, out, err);
        case MCP:
          return live ? mcpLive(a, env, in, out, err) : mcpSandbox(a, in, out, err);
        default:
          try (PostHogClient client = live ? fromEnv(env) : offline()) {
            return describe(a, client, out, err);
          }
      }
    } catch (SettingsException e) {
      err.println("error: the PostHog settings in the environment are not usable: "
          + e.getMessage());
      return EXIT_USAGE;
    } catch (ToolLimitExceededException e) {
      err.println("error: " + e.getMessage() + " (or pass --no-limit)");
      return EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      // A selection naming what does not exist, or settings that fromEnv refuses.
      err.println("error: " + e.getMessage());
      err.println("(see: " + PROGRAM + " " + a.command.words + " --help)");
      return EXIT_USAGE;
    }
  }

  /**
   * The usage of a command, or the overview.
   *
   * @param command the command, or null for the overview
   * @return the text
   */
  static String usage(CliArguments.Command command) {
    if (command == null || command == CliArguments.Command.HELP) {
      return OVERVIEW;
    }
    switch (command) {
      case LIST:
      case DESCRIBE:
        return String.join(NL,
            "usage: " + PROGRAM + " actions list [SELECTION] [--filter TEXT]",
            "       " + PROGRAM + " actions describe SLUG",
            "list prints one line per action (slug, method and path, summary; deprecated and",
            "removed ones marked) and the count on stderr; --filter keeps lines containing TEXT.",
            "describe prints the JSON Schema (2020-12) of an action's parameters.",
            SELECTION, ENVIRONMENT);
      case CALL:
        return String.join(NL,
            "usage: " + PROGRAM + " call SLUG [key=value ...] [--json '{\"key\": value}']",
            "Runs an action and prints {\"data\", \"successful\", \"error\"} as JSON. A value is",
            "read as JSON when it parses (5, true, [1,2], \"5\"), else as text; key=value pairs",
            "override --json. Parameters are validated before anything is sent.",
            ENVIRONMENT);
      case TOOLS:
        return String.join(NL,
            "usage: " + PROGRAM + " tools openai|anthropic [SELECTION] [--compact] [--no-limit]",
            "Prints the selected actions as tool definitions (a JSON array), descriptions",
            "shortened for a model. OpenAI accepts at most 128 tools: a larger selection is an",
            "error unless --no-limit. --compact prints two tools instead, "
                + ToolSet.DESCRIBE_TOOL + " and",
            ToolSet.EXECUTE_TOOL + ", which find, describe and run any selected action.",
            SELECTION, ENVIRONMENT);
      case MCP:
        return String.join(NL,
            "usage: " + PROGRAM + " mcp [SELECTION] [--compact]",
            "Serves the selected actions as MCP tools over stdin/stdout (JSON-RPC, one message",
            "per line) until stdin closes. Each tool call runs the action and answers the",
            "envelope {data, successful, error} as structured content; a failed call is a tool",
            "error. --compact serves " + ToolSet.DESCRIBE_TOOL + " and " + ToolSet.EXECUTE_TOOL
                + " only.",
            "Without " + PostHogClient.ENV_API_KEY + " it serves the local sandbox.",
            SELECTION, ENVIRONMENT);
      default:
        return OVERVIEW;
    }
  }

  /**
   * @param env the environment
   * @return whether it sets an API key (else the sandbox is used)
   */
  public static boolean hasKey(Map<String, String> env) {
    String key = env.get(PostHogClient.ENV_API_KEY);
    return key != null && !key.isBlank();
  }

  /** Settings in the environment that {@code fromEnv} refuses. */
  private static final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SettingsException(IllegalArgumentException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * The client configured by the environment.
   *
   * @param env the environment, with the API key set
   * @return the client
   * @throws SettingsException if the settings are not usable
   */
  public static PostHogClient fromEnv(Map<String, String> env) {
    try {
      return PostHogClient.fromEnv(env);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(e);
    }
  }

  /**
   * A client for the given sandbox, with its default project.
   *
   * @param sandbox a running sandbox
   * @return the client
   */
  public static PostHogClient sandboxClient(SandboxServer sandbox) {
    return PostHogClient.builder()
        .apiKey(SANDBOX_KEY)
        .baseUrl(sandbox.baseUrl())
        .projectId(SANDBOX_PROJECT)
        .build();
  }

  /** A client that is never used to send anything: for listing and describing. */
  private static PostHogClient offline() {
    return PostHogClient.builder().apiKey(SANDBOX_KEY).baseUrl("http://127.0.0.1:9").build();
  }

  private static int callLive(CliArguments a, Map<String, String> env, PrintStream out) {
    try (PostHogClient client = fromEnv(env)) {
      return call(a, client, out);
    }
  }

  private static int callSandbox(CliArguments a, PrintStream out, PrintStream err) {
    try (SandboxServer sandbox = SandboxServer.start();
         PostHogClient client = sandboxClient(sandbox)) {
      err.println("(sandbox at " + sandbox.baseUrl() + ", project " + SANDBOX_PROJECT
          + "; set " + PostHogClient.ENV_API_KEY + " to call PostHog)");
      return call(a, client, out);
    }
  }

  private static int mcpLive(CliArguments a, Map<String, String> env, InputStream in,
      PrintStream out, PrintStream err) {
    try (PostHogClient client = fromEnv(env)) {
      return mcp(a, client, client.baseUrl(), in, out, err);
    }
  }

  private static int mcpSandbox(CliArguments a, InputStream in, PrintStream out,
      PrintStream err) {
    try (SandboxServer sandbox = SandboxServer.start();
         PostHogClient client = sandboxClient(sandbox)) {
      return mcp(a, client, "the local sandbox at " + sandbox.baseUrl() + ", project "
          + SANDBOX_PROJECT, in, out, err);
    }
  }

  private static int mcp(CliArguments a, PostHogClient client, String where, InputStream in,
      PrintStream out, PrintStream err) {
    ToolSet set = client.toolkit().select(a.selection);
    int served = a.compact ? 2 : set.size();
    err.println("(MCP server on stdio: " + served + " tool" + (served == 1 ? "" : "s")
        + (a.compact ? " for " + set.size() + " actions" : "") + ", calling " + where + ")");
    if (!a.compact && set.size() > ToolSet.OPENAI_TOOL_LIMIT) {
      err.println("(note: more than " + ToolSet.OPENAI_TOOL_LIMIT + " tools; clients that pass"
          + " them to OpenAI models will be refused: narrow the selection or use --compact)");
    }
    // Only the protocol may reach standard output: anything else printing goes to stderr.
    PrintStream stdout = System.out;
    if (out == stdout) {
      System.setOut(err);
    }
    try {
      return PostHogMcpServer.serve(set, a.compact, where, in, out);
    } finally {
      if (out == stdout) {
        System.setOut(stdout);
      }
    }
  }

  private static int call(CliArguments a, PostHogClient client, PrintStream out) {
    ToolResult r = client.toolkit().execute(a.operand, a.params());
    out.println(pretty(r.toJson()));
    return r.successful() ? EXIT_OK : EXIT_FAILED;
  }

  private static int describe(CliArguments a, PostHogClient client, PrintStream out,
      PrintStream err) {
    switch (a.command) {
      case LIST: {
        ToolSet set = client.toolkit().select(a.selection);
        String f = a.filter == null ? null : a.filter.toLowerCase(Locale.ROOT);
        int n = 0;
        for (ToolDescriptor d : set.list()) {
          String line = d.slug() + "\t" + d.method() + " " + d.path() + "\t" + d.summary()
              + (d.retired() ? " (removed upstream)" : d.deprecated() ? " (deprecated)" : "");
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
        ToolSet set = client.toolkit().select(a.selection);
        JsonNode tools = a.compact ? set.compactToolDefinitions(format)
            : set.toolDefinitions(format, !a.noLimit);
        out.println(pretty(tools));
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
