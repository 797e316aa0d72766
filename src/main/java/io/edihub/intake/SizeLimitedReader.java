package io.edihub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What the JSON and CSV readers share: a size limit enforced before anything is parsed, and reading a
 * stream no further than one byte past it.
 */
abstract class SizeLimitedReader {

    private final long maxBytes;

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    SizeLimitedReader(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    }

    /** The size limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a document from a stream, reading no more than one byte past the size limit: a larger
     * document is refused without the rest of it being read. The stream is not closed.
     *
     * @throws UncheckedIOException when the stream itself fails (not the sender's error)
     */
    public OrderDocument read(String partnerId, String fileName, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName, e);
        }
        return read(partnerId, fileName, bytes);
    }

    /** Reads a whole document. */
    public abstract OrderDocument read(String partnerId, String fileName, byte[] content);
}
