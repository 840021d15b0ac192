package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small YAML emitter with one fixed layout, so that the same tree always gives the same
 * bytes: two-space indentation, block style, keys in the tree's order, sequences of scalars
 * in flow style when short, and strings quoted only when YAML would misread them.
 */
final class YamlWriter {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/$@.][A-Za-z0-9 _./{}$@()'+,-]*");
  private static final Pattern LOOKS_TYPED = Pattern.compile(
      "(?i)(true|false|yes|no|on|off|null|~|y|n|[-+]?[0-9][0-9_.:eE+-]*|\\.inf|\\.nan"
          + "|\\.[0-9].*)");
  private static final Pattern FLOW_SPECIAL = Pattern.compile("[,\\[\\]{}#:]");
  private static final int FLOW_LIMIT = 100;

  private YamlWriter() {
  }

  static String write(JsonNode root) {
    StringBuilder sb = new StringBuilder();
    if (root.isObject()) {
      writeMap(root, 0, sb);
    } else {
      sb.append(scalar(root)).append('\n');
    }
    return sb.toString();
  }

  private static void writeMap(JsonNode map, int indent, StringBuilder sb) {
    Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      pad(sb, indent).append(key(e.getKey())).append(':');
      writeValue(e.getValue(), indent, sb);
    }
  }

  private static void writeValue(JsonNode v, int indent, StringBuilder sb) {
    if (v.isObject()) {
      if (v.size() == 0) {
        sb.append(" {}\n");
      } else {
        sb.append('\n');
        writeMap(v, indent + 2, sb);
      }
    } else if (v.isArray()) {
      if (v.size() == 0) {
        sb.append(" []\n");
      } else if (allScalars(v) && flow(v).length() <= FLOW_LIMIT) {
        sb.append(' ').append(flow(v)).append('\n');
      } else {
        sb.append('\n');
        writeSeq(v, indent, sb);
      }
    } else {
      sb.append(' ').append(scalar(v)).append('\n');
    }
  }

  private static void writeSeq(JsonNode seq, int indent, StringBuilder sb) {
    for (JsonNode item : seq) {
      pad(sb, indent).append("- ");
      if (item.isObject() && item.size() > 0) {
        Iterator<Map.Entry<String, JsonNode>> it = item.properties().iterator();
        boolean first = true;
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!first) {
            pad(sb, indent + 2);
          }
          first = false;
          sb.append(key(e.getKey())).append(':');
          writeValue(e.getValue(), indent + 2, sb);
        }
      } else if (item.isArray() && item.size() > 0) {
        sb.append(flowAny(item)).append('\n');
      } else if (item.isArray()) {
        sb.append("[]\n");
      } else if (item.isObject()) {
        sb.append("{}\n");
      } else {
        sb.append(scalar(item)).append('\n');
      }
    }
  }

  private static boolean allScalars(JsonNode arr) {
    for (JsonNode n : arr) {
      if (n.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static String flow(JsonNode arr) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < arr.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(flowScalar(arr.get(i)));
    }
    return sb.append(']').toString();
  }

  private static String flowAny(JsonNode n) {
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < n.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(flowAny(n.get(i)));
      }
      return sb.append(']').toString();
    }
    if (n.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      boolean first = true;
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(first ? "" : ", ").append(quote(e.getKey())).append(": ").append(flowAny(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    return flowScalar(n);
  }

  private static String flowScalar(JsonNode v) {
    if (v != null && v.isTextual() && FLOW_SPECIAL.matcher(v.asText()).find()) {
      return quote(v.asText());
    }
    return scalar(v);
  }

  private static StringBuilder pad(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
    return sb;
  }

  private static String key(String k) {
    return isPlain(k) ? k : quote(k);
  }

  static String scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isBoolean() || v.isNumber()) {
      return v.asText();
    }
    String s = v.asText();
    return isPlain(s) ? s : quote(s);
  }

  private static boolean isPlain(String s) {
    return !s.isEmpty() && PLAIN.matcher(s).matches() && !LOOKS_TYPED.matcher(s).matches()
        && !s.endsWith(" ") && !s.endsWith(":") && !s.contains(": ") && !s.contains(" #")
        && !s.startsWith("@") && !s.startsWith("$ref") && !s.startsWith("{");
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            // control characters; YAML readers refuse C1 controls and read U+0085 as a line break
            sb.append(String.format("\\x%02x", (int) c));
          } else if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
            // line and paragraph separators (line breaks to YAML), byte order mark, non-characters
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
