package io.edihub.x12;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A set's text as the reader rebuilds it from its events, kept for a second reading with StAEDI's schema: in memory
 * up to {@value #IN_MEMORY} characters, then in a temporary file (UTF-8), so that a set of 100 MB costs the heap no
 * more than one of 1 MB. Not thread-safe; {@link #close} removes the file.
 */
final class SpooledText implements Appendable, AutoCloseable {

    static final int IN_MEMORY = 1 << 20;

    private final StringBuilder memory = new StringBuilder();
    private final int inMemory;
    private Path file;
    private Writer writer;

    SpooledText() {
        this(IN_MEMORY);
    }

    /** For tests: spill past {@code inMemory} characters. */
    SpooledText(int inMemory) {
        this.inMemory = inMemory;
    }

    @Override
    public SpooledText append(CharSequence text) {
        return append(text, 0, text.length());
    }

    @Override
    public SpooledText append(CharSequence text, int start, int end) {
        try {
            if (writer == null && memory.length() + (end - start) > inMemory) {
                file = Files.createTempFile("edihub-set-", ".x12");
                writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
                writer.append(memory);
                memory.setLength(0);
                memory.trimToSize();
            }
            if (writer != null) {
                writer.append(text, start, end);
            } else {
                memory.append(text, start, end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spooling a set's text to " + file, e);
        }
        return this;
    }

    @Override
    public SpooledText append(char c) {
        if (writer == null && memory.length() < inMemory) {
            memory.append(c);
            return this;
        }
        return append(String.valueOf(c));
    }

    /** Whether the text is in a file. */
    boolean spilled() {
        return file != null;
    }

    /** The text between {@code before} and {@code after}, as UTF-8 bytes; the text stays as it is. */
    InputStream open(String before, String after) {
        InputStream middle;
        if (writer != null) {
            try {
                writer.flush();
                middle = Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("reading a set's text back from " + file, e);
            }
        } else {
            middle = new ByteArrayInputStream(memory.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)), middle,
                new ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Empties the text for the next set, removing its file. */
    void clear() {
        memory.setLength(0);
        if (memory.capacity() > inMemory) {
            memory.trimToSize();
        }
        close();
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("removing " + file, e);
            }
            writer = null;
            file = null;
        }
    }

    @Override
    public String toString() {
        return writer == null ? memory.toString() : "(" + file + ")";
    }
}
