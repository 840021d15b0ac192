package dev.hedgekit.posthog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.json.Json;
import dev.hedgekit.posthog.toolkit.ToolSelection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line of {@link PostHogCli}: which command, its operand and options. A
 * small hand-written parser (the examples take no argument-parsing dependency); every mistake
 * is a {@link UsageException} naming it and the command it belongs to.
 */
final class CliArguments {

  /** The commands. */
  enum Command {
    /** {@code actions list [SELECTION] [--filter TEXT]}. */
    LIST("actions list"),
    /** {@code actions describe SLUG}. */
    DESCRIBE("actions describe"),
    /** {@code call SLUG [key=value ...] [--json OBJECT]}. */
    CALL("call"),
    /** {@code tools openai|anthropic [SELECTION] [--compact] [--no-limit]}. */
    TOOLS("tools"),
    /** {@code mcp [SELECTION] [--compact]}. */
    MCP("mcp"),
    /** {@code help [COMMAND]} or {@code --help}. */
    HELP("help");

    final String words;

    Command(String words) {
      this.words = words;
    }
  }

  /** A command line that cannot be run; exit status 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The command whose usage to show, or null for the overview. */
    final transient Command command;

    UsageException(Command command, String message) {
      super(message);
      this.command = command;
    }
  }

  final Command command;
  /** For {@link Command#HELP}: the command asked about, or null for the overview. */
  final Command helpFor;
  /** The slug (describe, call), the tool format (tools), or null. */
  final String operand;
  /** The list filter, or null. */
  final String filter;
  /** The {@code --json} object's members of a call, parsed (a usage error when not JSON). */
  private final Map<String, Object> jsonParams;
  /** The {@code key=value} pairs of a call, values as typed (read by {@link #params()}). */
  private final Map<String, String> pairs;
  /** Whether {@code --sandbox} asked for the sandbox even when a key is set. */
  final boolean sandbox;
  /** The actions chosen by the selection options. */
  final ToolSelection selection;
  /** {@code --compact}: the two compact tools instead of one tool per action. */
  final boolean compact;
  /** {@code --no-limit}: print tool definitions even beyond the provider's limit. */
  final boolean noLimit;

  private CliArguments(Builder b) {
    this.command = b.command;
    this.helpFor = b.helpFor;
    this.operand = b.operand;
    this.filter = b.filter;
    this.jsonParams = b.jsonParams;
    this.pairs = b.pairs;
    this.sandbox = b.sandbox;
    this.selection = b.selection.build();
    this.compact = b.compact;
    this.noLimit = b.noLimit;
  }

  /** Collects what the parser finds. */
  private static final class Builder {
    Command command;
    Command helpFor;
    String operand;
    String filter;
    Map<String, Object> jsonParams = Map.of();
    Map<String, String> pairs = Map.of();
    boolean sandbox;
    ToolSelection.Builder selection = ToolSelection.builder();
    boolean compact;
    boolean noLimit;

    CliArguments build() {
      return new CliArguments(this);
    }
  }

  /**
   * Parses a command line.
   *
   * @param args the arguments after the program name
   * @return the parsed command
   * @throws UsageException if the command line is not valid
   */
  static CliArguments parse(String[] args) throws UsageException {
    Builder b = new Builder();
    List<String> rest = new ArrayList<>();
    boolean help = false;
    for (String a : args) {
      if ("--help".equals(a) || "-h".equals(a)) {
        help = true;
      } else if ("--sandbox".equals(a)) {
        b.sandbox = true;
      } else {
        rest.add(a);
      }
    }
    Command command = rest.isEmpty() ? null : commandOf(rest);
    if (help) {
      b.command = Command.HELP;
      b.helpFor = command == Command.HELP ? null : command;
      return b.build();
    }
    if (rest.isEmpty()) {
      throw new UsageException(null, "no command given");
    }
    if (command == null) {
      String first = rest.get(0);
      throw new UsageException(null, "actions".equals(first)
          ? (rest.size() == 1 ? "actions needs a subcommand: list or describe"
              : "unknown actions subcommand '" + rest.get(1) + "': use list or describe")
          : "unknown command '" + first + "'");
    }
    b.command = command;
    List<String> tail = rest.subList("actions".equals(rest.get(0)) ? 2 : 1, rest.size());
    switch (command) {
      case HELP:
        if (!tail.isEmpty()) {
          Command about = commandOf(tail);
          if (about == null && tail.size() == 1 && "actions".equals(tail.get(0))) {
            about = Command.LIST;
          }
          int words = about == Command.LIST || about == Command.DESCRIBE ? 2 : 1;
          if (about == null || about == Command.HELP || tail.size() > words) {
            throw new UsageException(null, "no help for '" + String.join(" ", tail) + "'");
          }
          b.helpFor = about;
        }
        return b.build();
      case LIST:
        for (int i = 0; i < tail.size(); i++) {
          int used = selectionOption(tail, i, b, command);
          if (used > 0) {
            i += used - 1;
          } else if ("--filter".equals(tail.get(i)) && b.filter == null) {
            b.filter = value(tail, i, command);
            i++;
          } else {
            throw new UsageException(command, "actions list does not take '" + tail.get(i)
                + "'");
          }
        }
        return b.build();
      case DESCRIBE:
        if (tail.size() != 1 || tail.get(0).startsWith("-")) {
          throw new UsageException(command, "actions describe takes one slug");
        }
        b.operand = tail.get(0);
        return b.build();
      case CALL:
        call(tail, b);
        return b.build();
      case TOOLS: {
        if (tail.isEmpty() || tail.get(0).startsWith("-")) {
          throw new UsageException(command, "tools needs a format first: openai or anthropic");
        }
        String format = tail.get(0).toLowerCase(Locale.ROOT);
        if (!format.equals("openai") && !format.equals("anthropic")) {
          throw new UsageException(command, "unknown tool format '" + tail.get(0)
              + "': use openai or anthropic");
        }
        b.operand = format;
        for (int i = 1; i < tail.size(); i++) {
          int used = selectionOption(tail, i, b, command);
          if (used > 0) {
            i += used - 1;
          } else if ("--compact".equals(tail.get(i))) {
            b.compact = true;
          } else if ("--no-limit".equals(tail.get(i))) {
            b.noLimit = true;
          } else {
            throw new UsageException(command, "tools does not take '" + tail.get(i) + "'");
          }
        }
        return b.build();
      }
      case MCP:
        for (int i = 0; i < tail.size(); i++) {
          int used = selectionOption(tail, i, b, command);
          if (used > 0) {
            i += used - 1;
          } else if ("--compact".equals(tail.get(i))) {
            b.compact = true;
          } else {
            throw new UsageException(command, "mcp does not take '" + tail.get(i) + "'");
          }
        }
        return b.build();
      default:
        throw new IllegalStateException("unhandled command " + command);
    }
  }

  /** The command the first words name, or null. */
  private static Command commandOf(List<String> words) {
    switch (words.get(0)) {
      case "help":
        return Command.HELP;
      case "call":
        return Command.CALL;
      case "tools":
        return Command.TOOLS;
      case "mcp":
        return Command.MCP;
      case "actions":
        if (words.size() < 2) {
          return null;
        }
        return "list".equals(words.get(1)) ? Command.LIST
            : "describe".equals(words.get(1)) ? Command.DESCRIBE : null;
      default:
        return null;
    }
  }

  /**
   * Reads one selection option at {@code i}.
   *
   * @return how many arguments it used; 0 when the argument is not a selection option
   */
  private static int selectionOption(List<String> args, int i, Builder b, Command command)
      throws UsageException {
    String a = args.get(i);
    switch (a) {
      case "--area":
        b.selection.areas(split(value(args, i, command), a, command));
        return 2;
      case "--slug":
        b.selection.slugs(split(value(args, i, command), a, command));
        return 2;
      case "--pattern":
        b.selection.patterns(split(value(args, i, command), a, command));
        return 2;
      case "--read-only":
        b.selection.readOnly(true);
        return 1;
      case "--include-retired":
        b.selection.includeRetired(true);
        return 1;
      default:
        return 0;
    }
  }

  private static String value(List<String> args, int i, Command command) throws UsageException {
    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
      throw new UsageException(command, args.get(i) + " needs a value");
    }
    return args.get(i + 1);
  }

  /** A comma-separated list, each item non-empty. */
  private static List<String> split(String text, String option, Command command)
      throws UsageException {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      if (part.isBlank()) {
        throw new UsageException(command, option + " has an empty item in '" + text + "'");
      }
      out.add(part.strip());
    }
    return out;
  }

  private static void call(List<String> tail, Builder b) throws UsageException {
    if (tail.isEmpty() || tail.get(0).startsWith("-") || tail.get(0).contains("=")) {
      throw new UsageException(Command.CALL,
          "call needs a slug first, e.g. call POSTHOG_... key=value");
    }
    b.operand = tail.get(0);
    Map<String, Object> fromJson = new LinkedHashMap<>();
    Map<String, String> pairs = new LinkedHashMap<>();
    boolean sawJson = false;
    for (int i = 1; i < tail.size(); i++) {
      String a = tail.get(i);
      if ("--json".equals(a)) {
        if (sawJson || i + 1 >= tail.size()) {
          throw new UsageException(Command.CALL,
              "--json takes one JSON object and may be given once");
        }
        sawJson = true;
        JsonNode node = strictJson(tail.get(++i));
        if (node == null || !node.isObject()) {
          throw new UsageException(Command.CALL,
              "--json needs a JSON object, e.g. '{\"limit\": 5}'");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          fromJson.put(e.getKey(), e.getValue());
        }
        continue;
      }
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(Command.CALL, "expected key=value or --json, got '" + a + "'");
      }
      pairs.put(a.substring(0, eq), a.substring(eq + 1));
    }
    b.jsonParams = fromJson;
    b.pairs = pairs;
  }

  /**
   * The parameters of a call, in the order given: the {@code --json} members, then the
   * {@code key=value} pairs (which win), each value read by {@link #value(String)}. Worked out
   * here rather than while parsing, so that the command line is checked without loading a
   * JSON parser unless {@code --json} is given.
   *
   * @return the parameters
   */
  Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>(jsonParams);
    pairs.forEach((k, v) -> params.put(k, value(v)));
    return params;
  }

  /**
   * The value of a {@code key=value} pair: the JSON value when the text is exactly one JSON
   * value ({@code 5}, {@code true}, {@code null}, {@code [1,2]}, {@code "quoted"}), else the
   * text itself.
   *
   * @param text the text after {@code =}
   * @return a JSON tree or a string
   */
  static Object value(String text) {
    JsonNode node = strictJson(text);
    return node == null ? text : node;
  }

  private static JsonNode strictJson(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
