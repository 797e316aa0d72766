package io.edihub.partner;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The YAML binding of a partner file; kept apart from {@link PartnerProfile} so the file format can grow. */
record PartnerFile(
        @JsonProperty(required = true) String id,
        String name,
        @JsonProperty(required = true) X12 x12,
        Sftp sftp,
        Acknowledgments acknowledgments,
        String duplicateWindow,
        Releases releases) {

    record X12(String isaQualifier, @JsonProperty(required = true) String isaId, String gsId) {
    }

    record Sftp(String account, String directory) {
    }

    record Acknowledgments(String ta1) {
    }

    record Releases(String extension) {
    }
}
