package io.edihub.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An uploaded file, read once from its channel and kept where it costs no heap: in memory while small, in a temporary
 * file beyond {@link #IN_MEMORY} bytes, its SHA-256 computed on the way. An X12 interchange is then stored and read as
 * a stream from here, so that a 100 MB file costs the hub the same heap as a small one. Close it to delete the
 * temporary file.
 *
 * <p>Not thread-safe: one route's exchange owns it.
 */
public final class SpooledInput implements AutoCloseable {

    /** Files up to this size stay in memory. */
    static final int IN_MEMORY = 1 << 20;
    private static final int HEAD = 64 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final byte[] head;
    private final long size;
    private final String sha256;

    private SpooledInput(byte[] bytes, Path file, byte[] head, long size, String sha256) {
        this.bytes = bytes;
        this.file = file;
        this.head = head;
        this.size = size;
        this.sha256 = sha256;
    }

    /** A file already in memory (a replay's bytes, an HTTP body, a test). */
    public static SpooledInput of(byte[] content) {
        return new SpooledInput(content, null, Arrays.copyOf(content, Math.min(content.length, HEAD)), content.length,
                InboundDocuments.sha256(content));
    }

    /**
     * Reads a stream no further than one byte past {@code maxBytes} (so a file over the limit is known as such without
     * reading the rest of it), spilling to a temporary file once it passes {@link #IN_MEMORY}. The stream is not closed.
     *
     * @throws UncheckedIOException when the stream or the temporary file fails (not the sender's error)
     */
    public static SpooledInput read(InputStream in, long maxBytes, String name) {
        MessageDigest digest = sha256Digest();
        long limit = maxBytes + 1;
        Path file = null;
        try {
            byte[] first = in.readNBytes((int) Math.min(limit, IN_MEMORY));
            digest.update(first);
            if (first.length < IN_MEMORY || first.length == limit) {
                return new SpooledInput(first, null, Arrays.copyOf(first, Math.min(first.length, HEAD)), first.length,
                        HexFormat.of().formatHex(digest.digest()));
            }
            file = Files.createTempFile("edihub-upload-", ".part");
            long size = first.length;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(first);
                int n;
                while (size < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - size))) > 0) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    size += n;
                }
            }
            return new SpooledInput(null, file, Arrays.copyOf(first, HEAD), size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("reading " + name, e);
        }
    }

    /** Its size in bytes (one past the limit it was read with, when it is over it). */
    public long size() {
        return size;
    }

    /** Where it is spooled: null while in memory. */
    Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    /** Its first 64 KiB (or all of it), enough to tell its format. */
    public byte[] head() {
        return head;
    }

    /** The content from its first byte; the caller closes the stream. */
    public InputStream open() {
        try {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spooled upload " + file, e);
        }
    }

    /** The whole content in memory: for the formats read whole (JSON, CSV, EDIFACT), which have a limit of their own. */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spooled upload " + file, e);
        }
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the temporary folder's own cleaning takes it; nothing of the input is lost with it
            }
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
