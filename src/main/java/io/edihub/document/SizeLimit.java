package io.edihub.document;

import io.edihub.canonical.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The largest document a reader takes. It is checked before anything is parsed, so a huge upload or
 * message costs no memory beyond its bytes.
 *
 * @param maxBytes the largest document read, in bytes
 */
public record SizeLimit(long maxBytes) {

    public SizeLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        // a byte array holds no more, and a stream is read into one
        maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    }

    /** True when the document is larger than the limit. */
    public boolean exceededBy(byte[] content) {
        return content.length > maxBytes;
    }

    /** The error for a document over the limit. */
    public InputError error() {
        return new InputError("byte " + (maxBytes + 1), "TOO_LARGE", "document is larger than the " + maxBytes
                + "-byte limit");
    }

    /**
     * Reads a stream no further than one byte past the limit: enough to tell that a document is too large
     * without reading the rest of it. The stream is not closed.
     *
     * @throws UncheckedIOException when the stream itself fails (not the sender's error)
     */
    public byte[] readFrom(InputStream content, String name) {
        try {
            return content.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }
}
