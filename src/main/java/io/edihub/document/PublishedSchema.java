package io.edihub.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.edihub.canonical.InputError;
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
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON Schema (draft 2020-12) the hub publishes for a document it reads, and the check of a document
 * against it: one error per violation, at its JSON pointer, in the order the sender wrote the document,
 * saying what the value should have been in the sender's words rather than the validator's.
 * Thread-safe: the schema is compiled once and shared.
 */
public final class PublishedSchema {

    /**
     * How a schema's violations are said. The definitions and fields every schema of the hub has in common
     * ({@code date}, {@code unit}, {@code id}, {@code text}, {@code lineNumber}) are said the same way in
     * all of them, unless a schema's wording says otherwise.
     *
     * @param notADocument what a document that is not an object is not
     *                     ({@code "an acceptance: an acceptance is a JSON object"})
     * @param byDefinition what a value of a {@code $defs} entry must be, by the entry's name
     * @param byField      what a field with a schema of its own must be, by the field's name
     * @param namesByField what the field names inside an object field with {@code propertyNames} must be,
     *                     by the object field's name
     */
    public record Wording(String notADocument, Map<String, String> byDefinition, Map<String, String> byField,
            Map<String, String> namesByField) {

        private static final Map<String, String> COMMON_DEFINITIONS = Map.of(
                "date", "a date written YYYY-MM-DD",
                "unit", "a unit of measure code of 2 or 3 capital letters or digits, such as EA or C62",
                "id", "a text of 1 to 35 characters",
                "text", "a text of at most 256 characters");
        private static final Map<String, String> COMMON_FIELDS = Map.of(
                "lineNumber", "a text of 1 to 35 characters or a whole number");

        public Wording {
            Objects.requireNonNull(notADocument, "notADocument");
            byDefinition = withCommon(COMMON_DEFINITIONS, byDefinition);
            byField = withCommon(COMMON_FIELDS, byField);
            namesByField = Map.copyOf(namesByField);
        }

        private static Map<String, String> withCommon(Map<String, String> common, Map<String, String> own) {
            Map<String, String> all = new HashMap<>(common);
            all.putAll(own);
            return Map.copyOf(all);
        }

        /**
         * What a decimal number of the hub's schemas must be.
         *
         * @param range   {@code "greater than zero"}, {@code "of zero or more"}
         * @param example a number as the sender would write it as a string, {@code "12.5"}
         */
        public static String number(String range, String example) {
            return "a number " + range + ", written as a JSON number or as a string like \"" + example + "\""
                    + " (at most 15 digits before and 6 after the point)";
        }
    }

    private static final Pattern DEFINITION = Pattern.compile("^/\\$defs/(\\w+)/[^/]+$");

    private final JsonNode tree;
    private final JsonSchema schema;
    private final Wording wording;

    private PublishedSchema(JsonNode tree, Wording wording) {
        this.tree = tree;
        this.wording = wording;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(tree, SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        // networknt does not assert "format" by default: a 2027-02-30 must fail
                        .formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH)
                        .build());
    }

    /** Loads and compiles a schema from the classpath. */
    public static PublishedSchema load(String resource, Wording wording) {
        try (InputStream in = PublishedSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new PublishedSchema(JsonInput.MAPPER.readTree(in), wording);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /**
     * Checks a document, or one element of a list of documents.
     *
     * @param prefix the pointer of {@code document} in what the sender sent: empty for the whole of it,
     *               {@code /2} for the third of a list
     * @return the violations in document order, each once; empty when the document is valid
     */
    public List<InputError> validate(JsonNode document, String prefix) {
        List<ValidationMessage> violations = new ArrayList<>(schema.validate(document));
        Map<ValidationMessage, List<Integer>> position = new HashMap<>();
        for (ValidationMessage v : violations) {
            position.put(v, documentOrder(document, v));
        }
        violations.sort(Comparator.comparing(position::get, PublishedSchema::compareOrder));
        Set<InputError> seen = new LinkedHashSet<>();
        for (ValidationMessage v : violations) {
            seen.add(violation(v, prefix));
        }
        return List.copyOf(seen);
    }

    /** Where a violation is in the document as the sender wrote it: field by field, entry by entry. */
    private static List<Integer> documentOrder(JsonNode document, ValidationMessage v) {
        List<Integer> key = new ArrayList<>();
        JsonNode node = document;
        JsonNodePath path = v.getInstanceLocation();
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        if (v.getProperty() != null) {
            elements.add(v.getProperty());
        }
        for (Object element : elements) {
            if (element instanceof Integer index) {
                key.add(index);
                node = node.path(index);
            } else {
                String name = element.toString();
                int index = 0;
                // a missing field (required) is listed before the fields that are there
                int found = -1;
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); index++) {
                    if (names.next().equals(name)) {
                        found = index;
                        break;
                    }
                }
                key.add(found);
                node = node.path(name);
            }
        }
        return key;
    }

    private static int compareOrder(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private InputError violation(ValidationMessage v, String prefix) {
        String location = pointer(prefix, v.getInstanceLocation());
        String keyword = v.getType();
        String fragment = fragment(v);
        switch (keyword) {
            case "required" -> {
                return new InputError(child(location, v.getProperty()), "SCHEMA",
                        "required field '" + v.getProperty() + "' is missing");
            }
            case "additionalProperties" -> {
                return new InputError(child(location, v.getProperty()), "SCHEMA", unknownField(v.getProperty(), fragment));
            }
            case "propertyNames" -> {
                String expected = wording.namesByField().get(lastName(v.getInstanceLocation()));
                return new InputError(child(location, v.getProperty()), "SCHEMA", "'" + v.getProperty()
                        + "' is not " + (expected != null ? expected : "a field name allowed here"));
            }
            case "minItems" -> {
                return new InputError(location, "SCHEMA", "must not be empty");
            }
            case "maxItems" -> {
                return new InputError(location, "SCHEMA", "holds more than " + v.getSchemaNode().asText() + " entries");
            }
            default -> {
                if ("type".equals(keyword) && v.getInstanceLocation().getNameCount() == 0) {
                    return new InputError(location, "SCHEMA", JsonInput.shown(v.getInstanceNode()) + " is not "
                            + wording.notADocument());
                }
                String expected = null;
                Matcher definition = DEFINITION.matcher(fragment);
                if (definition.matches()) {
                    expected = wording.byDefinition().get(definition.group(1));
                }
                if (expected == null) {
                    expected = wording.byField().get(lastName(v.getInstanceLocation()));
                }
                if (expected == null) {
                    String message = v.getMessage();
                    int colon = message.indexOf(": ");
                    return new InputError(location, "SCHEMA", colon >= 0 ? message.substring(colon + 2) : message);
                }
                return new InputError(location, "SCHEMA", JsonInput.shown(v.getInstanceNode()) + " is not " + expected);
            }
        }
    }

    private static String fragment(ValidationMessage v) {
        String location = String.valueOf(v.getSchemaLocation());
        int hash = location.indexOf('#');
        return hash >= 0 ? location.substring(hash + 1) : "";
    }

    private String unknownField(String name, String fragment) {
        if ("partnerId".equals(name)) {
            return "unknown field 'partnerId': the partner is the one the document arrives from, not named in it";
        }
        String parent = fragment.replaceFirst("/additionalProperties$", "");
        List<String> known = new ArrayList<>();
        tree.at(parent).path("properties").fieldNames().forEachRemaining(known::add);
        String suggestion = Misspellings.likelyMeant(name, known);
        return "unknown field '" + name + "'" + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "");
    }

    private static String lastName(JsonNodePath path) {
        for (int i = path.getNameCount() - 1; i >= 0; i--) {
            Object element = path.getElement(i);
            if (!(element instanceof Integer)) {
                return element.toString();
            }
        }
        return "";
    }

    private static String pointer(String prefix, JsonNodePath path) {
        String p = prefix + path.toString();
        return p.isEmpty() ? "/" : p;
    }

    private static String child(String location, String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return ("/".equals(location) ? "" : location) + "/" + escaped;
    }
}
