package dev.hedgekit.posthog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hedgekit.posthog.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line of {@link PostHogCli}: which command, its operand and options. A
 * small hand-written parser (the examples take no argument-parsing dependency); every mistake
 * is a {@link UsageException} naming it.
 */
final class CliArguments {

  /** The commands. */
  enum Command {
    /** {@code actions list [--filter TEXT]}. */
    LIST,
    /** {@code actions describe SLUG}. */
    DESCRIBE,
    /** {@code call SLUG [key=value ...] [--json OBJECT]}. */
    CALL,
    /** {@code tools openai|anthropic}. */
    TOOLS,
    /** {@code help}. */
    HELP
  }

  /** A command line that cannot be run; exit status 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private static final ObjectReader STRICT_JSON =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  final Command command;
  /** The slug (describe, call), the tool format (tools), or null. */
  final String operand;
  /** The list filter, or null. */
  final String filter;
  /** The parameters of a call, in the order given (key=value pairs override --json). */
  final Map<String, Object> params;
  /** Whether {@code --sandbox} asked for the sandbox even when a key is set. */
  final boolean sandbox;

  private CliArguments(Command command, String operand, String filter,
      Map<String, Object> params, boolean sandbox) {
    this.command = command;
    this.operand = operand;
    this.filter = filter;
    this.params = params;
    this.sandbox = sandbox;
  }

  /**
   * Parses a command line.
   *
   * @param args the arguments after the program name
   * @return the parsed command
   * @throws UsageException if the command line is not valid
   */
  static CliArguments parse(String[] args) throws UsageException {
    List<String> rest = new ArrayList<>();
    boolean sandbox = false;
    for (String a : args) {
      if ("--help".equals(a) || "-h".equals(a)) {
        return new CliArguments(Command.HELP, null, null, Map.of(), false);
      }
      if ("--sandbox".equals(a)) {
        sandbox = true;
      } else {
        rest.add(a);
      }
    }
    if (rest.isEmpty()) {
      throw new UsageException("no command given");
    }
    String command = rest.get(0);
    List<String> tail = rest.subList(1, rest.size());
    switch (command) {
      case "help":
        return new CliArguments(Command.HELP, null, null, Map.of(), sandbox);
      case "actions":
        return actions(tail, sandbox);
      case "call":
        return call(tail, sandbox);
      case "tools":
        if (tail.size() != 1) {
          throw new UsageException("tools takes one format: openai or anthropic");
        }
        String format = tail.get(0).toLowerCase(Locale.ROOT);
        if (!format.equals("openai") && !format.equals("anthropic")) {
          throw new UsageException("unknown tool format '" + tail.get(0)
              + "': use openai or anthropic");
        }
        return new CliArguments(Command.TOOLS, format, null, Map.of(), sandbox);
      default:
        throw new UsageException("unknown command '" + command + "'");
    }
  }

  private static CliArguments actions(List<String> tail, boolean sandbox) throws UsageException {
    if (tail.isEmpty()) {
      throw new UsageException("actions needs a subcommand: list or describe");
    }
    switch (tail.get(0)) {
      case "list": {
        String filter = null;
        for (int i = 1; i < tail.size(); i++) {
          if ("--filter".equals(tail.get(i)) && i + 1 < tail.size() && filter == null) {
            filter = tail.get(++i);
          } else {
            throw new UsageException("actions list takes only --filter TEXT, got '"
                + tail.get(i) + "'");
          }
        }
        return new CliArguments(Command.LIST, null, filter, Map.of(), sandbox);
      }
      case "describe":
        if (tail.size() != 2) {
          throw new UsageException("actions describe takes one slug");
        }
        return new CliArguments(Command.DESCRIBE, tail.get(1), null, Map.of(), sandbox);
      default:
        throw new UsageException("unknown actions subcommand '" + tail.get(0)
            + "': use list or describe");
    }
  }

  private static CliArguments call(List<String> tail, boolean sandbox) throws UsageException {
    if (tail.isEmpty() || tail.get(0).startsWith("-") || tail.get(0).contains("=")) {
      throw new UsageException("call needs a slug first, e.g. call POSTHOG_... key=value");
    }
    String slug = tail.get(0);
    Map<String, Object> fromJson = new LinkedHashMap<>();
    Map<String, Object> pairs = new LinkedHashMap<>();
    boolean sawJson = false;
    for (int i = 1; i < tail.size(); i++) {
      String a = tail.get(i);
      if ("--json".equals(a)) {
        if (sawJson || i + 1 >= tail.size()) {
          throw new UsageException("--json takes one JSON object and may be given once");
        }
        sawJson = true;
        JsonNode node = strictJson(tail.get(++i));
        if (node == null || !node.isObject()) {
          throw new UsageException("--json needs a JSON object, e.g. '{\"limit\": 5}'");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          fromJson.put(e.getKey(), e.getValue());
        }
        continue;
      }
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("expected key=value or --json, got '" + a + "'");
      }
      pairs.put(a.substring(0, eq), value(a.substring(eq + 1)));
    }
    Map<String, Object> params = new LinkedHashMap<>(fromJson);
    params.putAll(pairs);
    return new CliArguments(Command.CALL, slug, null, params, sandbox);
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
      JsonNode node = STRICT_JSON.readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
