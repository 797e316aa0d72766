package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.edihub.canonical.CanonicalJson;
import java.io.InputStream;

/** Checks what the hub publishes against the JSON Schema it publishes for it. */
final class Schemas {

    private Schemas() {
    }

    /** The payload, parsed, after asserting it is valid against {@code schemas/<name>.schema.json}. */
    static JsonNode valid(String name, String payload) throws Exception {
        JsonNode json = CanonicalJson.MAPPER.readTree(payload);
        try (InputStream schema = Schemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            assertThat(validator.validate(json)).as(name + ": " + payload).isEmpty();
        }
        return json;
    }
}
