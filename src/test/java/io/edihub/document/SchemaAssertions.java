package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/** What every schema the hub publishes must be. */
public final class SchemaAssertions {

    private SchemaAssertions() {
    }

    /**
     * Asserts that a classpath resource is a valid draft 2020-12 schema with the given {@code $id} that
     * refuses unknown top-level fields; returns it.
     */
    public static JsonNode assertPublishedSchema(String resource, String id) throws IOException {
        JsonNode schema;
        try (InputStream in = SchemaAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            schema = JsonInput.MAPPER.readTree(in);
        }
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.path("$id").asText()).isEqualTo(id);
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        return schema;
    }
}
