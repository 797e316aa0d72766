package io.edihub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The published JSON Schema of a partner file ({@value #RESOURCE}) and the check of a file's YAML against it:
 * every violation at once, each as {@code key.path: what is wrong} in the words of the partner file's reader,
 * in the order the keys stand in the file. Editors read the same schema through the
 * {@code # yaml-language-server: $schema=...} line of the shipped files and complete keys as they are typed.
 */
final class PartnerSchema {

    static final String RESOURCE = "schemas/partner-profile.schema.json";

    /** What a value of a {@code $defs} entry must be. */
    private static final Map<String, String> EXPECTED_BY_DEFINITION = Map.ofEntries(
            Map.entry("partnerId", "lower-case letters, digits and '-', at most 40"),
            Map.entry("folder", "a single folder name: lower-case letters, digits and '-'"),
            Map.entry("isaQualifier", "2 characters, e.g. ZZ or 01"),
            Map.entry("isaId", "1 to 15 characters"),
            Map.entry("gsId", "2 to 15 characters"),
            Map.entry("edifactId", "1 to 35 characters"),
            Map.entry("port", "a port number (1-65535)"),
            Map.entry("date", "a date as YYYY-MM-DD"),
            Map.entry("duration", "a positive ISO-8601 duration such as P90D or PT36H"),
            Map.entry("period", "an ISO-8601 period such as P30D or P1M"),
            Map.entry("threshold", "a positive ISO-8601 duration such as PT24H or P5D, or off to never check this "
                    + "partner for it"),
            Map.entry("zeroThreshold", "an ISO-8601 duration of zero or more such as PT0S or P5D, or off to never check "
                    + "this partner for it"),
            Map.entry("currency", "an ISO 4217 code such as USD"),
            Map.entry("amount", "a positive amount"),
            Map.entry("text", "a text of at least one character"),
            Map.entry("as2Name", "an AS2 name: 1 to 128 printable ASCII characters, no spaces or quotes"),
            Map.entry("httpUrl", "an http or https address such as https://as2.example.com/as2"));
    /** What a value with a constraint of its own must be, by its key. */
    private static final Map<String, String> EXPECTED_BY_KEY = Map.of(
            "priority", "1 (served first) to 9",
            "net-days", "zero or more days",
            "discount-days", "zero or more days",
            "discount-percent", "a percentage above 0 and below 100",
            "group-ids", "a list of at least one GS02 id, each once (no key at all takes any)",
            "issue-day", "a day of the month from 1 to 28");
    private static final Map<String, String> KINDS = Map.of(
            "string", "a text",
            "integer", "a whole number",
            "number", "a number",
            "boolean", "true or false",
            "object", "a block of keys",
            "array", "a list of '-' entries");
    private static final Pattern DEFINITION = Pattern.compile("^/\\$defs/(\\w+)/[^/]+$");

    private final JsonNode tree;
    private final JsonSchema schema;

    private PartnerSchema(JsonNode tree) {
        this.tree = tree;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(tree, SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        // networknt does not assert "format" by default: 2027-02-30 must fail
                        .formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH)
                        .build());
    }

    /** The schema from the class path, compiled once. */
    static PartnerSchema load() {
        try (InputStream in = PartnerSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new PartnerSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Every violation of the schema, in the order of the file; empty when the file passes. */
    List<String> problems(JsonNode file) {
        Map<String, Integer> order = documentOrder(file);
        List<ValidationMessage> violations = new ArrayList<>(schema.validate(file));
        violations.sort(Comparator.comparingInt(v -> order.getOrDefault(key(v), order.getOrDefault(
                key(v.getInstanceLocation()), Integer.MAX_VALUE))));
        Set<String> problems = new LinkedHashSet<>();
        for (ValidationMessage v : violations) {
            problems.add(problem(v));
        }
        return List.copyOf(problems);
    }

    private String problem(ValidationMessage v) {
        String key = key(v.getInstanceLocation());
        JsonNode value = v.getInstanceNode();
        switch (v.getType()) {
            case "required" -> {
                return key(v) + ": missing, but required";
            }
            case "additionalProperties" -> {
                List<String> known = new ArrayList<>();
                tree.at(fragment(v).replaceFirst("/additionalProperties$", "")).path("properties").fieldNames()
                        .forEachRemaining(known::add);
                return key(v) + ": unknown key; " + (key.isEmpty() ? "a partner file" : key) + " takes "
                        + String.join(", ", known);
            }
            case "type" -> {
                String expected = kind(v.getSchemaNode());
                if (value == null || value.isNull()) {
                    return where(key) + "empty, expected " + expected;
                }
                if (value.isNumber() && v.getSchemaNode().toString().contains("string")) {
                    return where(key) + value.asText() + " is a number, expected " + expected
                            + " (put it in quotes, e.g. \"" + value.asText() + "\")";
                }
                return where(key) + shown(value) + " is not " + expected;
            }
            case "enum" -> {
                List<String> allowed = StreamSupport.stream(v.getSchemaNode().spliterator(), false).map(JsonNode::asText)
                        .distinct().toList();
                return where(key) + shown(value) + " is not one of " + String.join(", ", allowed);
            }
            default -> {
                String expected = null;
                Matcher definition = DEFINITION.matcher(fragment(v));
                if (definition.matches()) {
                    expected = EXPECTED_BY_DEFINITION.get(definition.group(1));
                }
                if (expected == null) {
                    expected = EXPECTED_BY_KEY.get(lastName(v.getInstanceLocation()));
                }
                if (expected == null) {
                    // the validator's own words, without its location
                    String message = v.getMessage();
                    int colon = message.indexOf(": ");
                    return where(key) + (colon >= 0 ? message.substring(colon + 2) : message);
                }
                return where(key) + shown(value) + " is not valid, expected " + expected;
            }
        }
    }

    private static String where(String key) {
        return key.isEmpty() ? "the file: " : key + ": ";
    }

    private static String kind(JsonNode type) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            if (!"null".equals(t.asText())) {
                kinds.add(KINDS.getOrDefault(t.asText(), t.asText()));
            }
        }
        return String.join(" or ", kinds);
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a block of keys";
        }
        return value.asText();
    }

    private static String fragment(ValidationMessage v) {
        String location = String.valueOf(v.getSchemaLocation());
        int hash = location.indexOf('#');
        return hash >= 0 ? location.substring(hash + 1) : "";
    }

    /** The key the violation is about: the one missing or unknown, else the value's own. */
    private static String key(ValidationMessage v) {
        String parent = key(v.getInstanceLocation());
        if (v.getProperty() == null) {
            return parent;
        }
        return parent.isEmpty() ? v.getProperty() : parent + "." + v.getProperty();
    }

    /** As a person writes a key path: {@code contract.prices[2].unit-price}. */
    private static String key(JsonNodePath path) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                key.append('[').append(index).append(']');
            } else {
                key.append(key.isEmpty() ? "" : ".").append(element);
            }
        }
        return key.toString();
    }

    private static String lastName(JsonNodePath path) {
        for (int i = path.getNameCount() - 1; i >= 0; i--) {
            if (!(path.getElement(i) instanceof Integer)) {
                return path.getElement(i).toString();
            }
        }
        return "";
    }

    /** Each key path of the file numbered as it is read, top to bottom. */
    private static Map<String, Integer> documentOrder(JsonNode file) {
        Map<String, Integer> order = new HashMap<>();
        number(file, "", order);
        return order;
    }

    private static void number(JsonNode node, String key, Map<String, Integer> order) {
        order.put(key, order.size());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                number(field.getValue(), key.isEmpty() ? field.getKey() : key + "." + field.getKey(), order);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                number(node.get(i), key + "[" + i + "]", order);
            }
        }
    }
}
