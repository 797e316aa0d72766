package io.edihub.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edihub.canonical.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON as partners and systems send it: parsed strictly (a field twice is an error, nesting is bounded,
 * numbers stay as written), with syntax errors said by line and column in plain words rather than
 * Jackson's, and the values of a schema-valid document read with the hub's own limits.
 */
public final class JsonInput {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_DECIMALS = 6;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a price of 42.50 stays 42.50, as sent
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonInput() {
    }

    /** A document that is not one JSON value, with where and why. */
    public static final class NotJson extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient InputError error;

        NotJson(String location, String message) {
            super(message, null, false, false);
            this.error = new InputError(location, "NOT_JSON", message);
        }

        public InputError error() {
            return error;
        }
    }

    /**
     * Parses a document that holds one JSON value.
     *
     * @param noun        what the document is, in the sender's words ({@code order}, {@code acceptance})
     * @param severalHint said when more follows the value, where the format has a way to send several
     *                    (<code>" (several orders go in one array)"</code>), else empty
     */
    public static JsonNode parse(byte[] content, String noun, String severalHint) throws NotJson {
        try (JsonParser parser = MAPPER.createParser(content)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw new NotJson(at(parser.currentLocation()), plain(e));
            } catch (JsonProcessingException e) {
                throw new NotJson(at(e.getLocation() != null ? e.getLocation() : parser.currentLocation()), plain(e));
            }
            if (root == null || root.isMissingNode()) {
                throw new NotJson("line 1, column 1", "the document is empty: a JSON " + noun + " was expected");
            }
            try {
                if (parser.nextToken() != null) {
                    throw new NotJson(at(parser.currentTokenLocation()),
                            "more content after the end of the " + noun + ": a document holds one JSON value" + severalHint);
                }
            } catch (JsonProcessingException e) {
                throw new NotJson(at(e.getLocation() != null ? e.getLocation() : parser.currentLocation()),
                        "more content after the end of the " + noun + ": " + plain(e));
            }
            return root;
        } catch (IOException e) {
            // reading a byte array fails only through the parser, handled above
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Which of these fields the document, a JSON object, has first at its top level; null when none (or when it is
     * not JSON before one). Reads no further than that field.
     */
    public static String firstTopLevelField(byte[] content, String... names) {
        java.util.List<String> wanted = java.util.List.of(names);
        try (JsonParser parser = MAPPER.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                if (wanted.contains(parser.currentName())) {
                    return parser.currentName();
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            // not JSON up to the field: whoever reads the document says where
            return null;
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "line 1, column 1";
        }
        return "line " + location.getLineNr() + ", column " + Math.max(1, location.getColumnNr());
    }

    private static final String JSON_VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.*?)' \\(code \\d+\\)\\)(.*)",
            Pattern.DOTALL);
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\((?:start marker at|for \\w+ starting at) \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source: .*?\\]");
    private static final Pattern NESTING = Pattern.compile(".*nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);

    /** Jackson's message in the sender's words, without Jackson's own names. */
    static String plain(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "not valid JSON";
        }
        Matcher nesting = NESTING.matcher(m);
        if (nesting.matches()) {
            return "the document is nested more than " + nesting.group(2) + " levels deep";
        }
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(m);
        if (unexpected.matches()) {
            String rest = unexpected.group(2).replaceFirst("^: ", "");
            return "unexpected character '" + unexpected.group(1) + "'" + (rest.isBlank() ? "" : ": " + expectation(rest));
        }
        if (m.startsWith("Unexpected end-of-input")) {
            Matcher start = START_MARKER.matcher(m);
            String what = m.contains("Array") ? "a list" : m.contains("Object") ? "an object" : "a value";
            return "the document ends before " + what + (start.find()
                    ? " opened at line " + start.group(1) + ", column " + start.group(2) : "") + " is closed";
        }
        if (m.startsWith("Unexpected close marker")) {
            Matcher start = START_MARKER.matcher(m);
            String closer = m.replaceFirst("Unexpected close marker '(.)'.*", "$1").replace("\n", "");
            if (start.find()) {
                return "unexpected '" + closer + "': the " + (m.contains("for Array") ? "list" : "object")
                        + " opened at line " + start.group(1) + ", column " + start.group(2) + " is not closed yet";
            }
            return "unexpected '" + closer + "': nothing open to close";
        }
        if (m.startsWith("Unrecognized token '")) {
            String token = m.substring("Unrecognized token '".length(), m.indexOf('\'', "Unrecognized token '".length()));
            return "unrecognized word '" + token + "': expected a value (text in double quotes, a number, a list, an object,"
                    + " true, false or null)";
        }
        if (m.startsWith("Duplicate field '")) {
            return "field '" + m.substring("Duplicate field '".length()).replaceFirst("'.*", "")
                    + "' appears twice in the same object";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a control character (a line break or tab) inside a text must be written escaped, as \\n or \\t";
        }
        if (m.startsWith("Invalid UTF-8")) {
            return "the document is not UTF-8 text (" + m.toLowerCase(Locale.ROOT).replaceFirst("^invalid utf-8 ", "") + ")";
        }
        if (m.startsWith("Non-standard token '")) {
            return m.replaceFirst("Non-standard token '(.*?)'.*", "'$1' is not a JSON number");
        }
        String cleaned = SOURCE.matcher(START_MARKER.matcher(m).replaceAll("")).replaceAll("")
                .replace(JSON_VALUE, "a value").replaceAll("\\s*\\(code \\d+\\)", "").replace("\n", " ").strip();
        return cleaned.isEmpty() ? "not valid JSON" : Character.toLowerCase(cleaned.charAt(0)) + cleaned.substring(1);
    }

    private static String expectation(String jackson) {
        String s = jackson.strip();
        if (s.startsWith("was expecting double-quote to start field name")) {
            return "expected a field name in double quotes (a comma too many, or single quotes?)";
        }
        if (s.startsWith("was expecting a colon")) {
            return "expected a colon between field name and value";
        }
        if (s.startsWith("was expecting comma to separate Object entries")) {
            return "expected a comma between fields";
        }
        if (s.startsWith("was expecting comma to separate Array entries")) {
            return "expected a comma between list entries";
        }
        if (s.startsWith("expected a valid value")) {
            return "expected a value (text in double quotes, a number, a list, an object, true, false or null)";
        }
        s = SOURCE.matcher(s).replaceAll("").replace(JSON_VALUE, "a value").replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceFirst("^in numeric value: ", "in a number: ").replace(", for valid numeric value", "");
        return s.replaceFirst("^was expecting", "expected");
    }

    /** A value as it appears in an error: short, quoted when it is text. */
    public static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.isEmpty()) {
                return "an empty text";
            }
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        String text = value.asText();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    // --- values of a schema-valid document -----------------------------------------------------------

    /** A field's value as text (a line number 7 is "7"), or null when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * A number the schema let through (a JSON number or a decimal string), or null when absent; an error
     * when it has more decimal places than the hub keeps, which a schema cannot say of a JSON number
     * (1E-400 passes one).
     */
    public static BigDecimal decimal(JsonNode node, String field, String at, InputErrors errors) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.textValue());
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new InputError(at, "BAD_NUMBER",
                    shown(value) + " has more than " + MAX_DECIMALS + " decimal places"));
            return null;
        }
        return number;
    }

    /** A date the schema let through, or null when absent. */
    public static LocalDate date(JsonNode node, String field, String at, InputErrors errors) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            // the schema's format check makes this a defence only
            errors.add(new InputError(at, "SCHEMA", shown(value) + " is not a date written YYYY-MM-DD"));
            return null;
        }
    }
}
