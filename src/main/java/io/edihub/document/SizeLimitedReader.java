package io.edihub.document;

import io.edihub.canonical.InputError;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A reader of documents a partner sends over a channel (SFTP, HTTP) that refuses one over its size limit
 * before parsing it.
 *
 * @param <R> what the reader makes of a document: its content, or the errors that refuse it
 */
abstract class SizeLimitedReader<R> {

    private final SizeLimit limit;

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    protected SizeLimitedReader(long maxBytes) {
        this.limit = new SizeLimit(maxBytes);
    }

    /** The size limit in bytes. */
    public long maxBytes() {
        return limit.maxBytes();
    }

    /**
     * Reads a document from a stream, reading no more than one byte past the size limit: a larger
     * document is refused without the rest of it being read. The stream is not closed.
     *
     * @param partnerId the partner the channel belongs to; never taken from the document
     * @throws UncheckedIOException when the stream itself fails (not the sender's error)
     */
    public final R read(String partnerId, String fileName, InputStream content) {
        return read(partnerId, fileName, limit.readFrom(content, fileName));
    }

    /**
     * Reads a whole document.
     *
     * @param partnerId the partner the channel belongs to; never taken from the document
     */
    public final R read(String partnerId, String fileName, byte[] content) {
        if (limit.exceededBy(content)) {
            return refused(limit.error());
        }
        return readWithinLimit(partnerId, fileName, content);
    }

    /** Reads a document known to be within the size limit. */
    protected abstract R readWithinLimit(String partnerId, String fileName, byte[] content);

    /** The answer for a document refused whole for one error. */
    protected abstract R refused(InputError error);
}
