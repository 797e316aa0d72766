package io.edihub.intake;

import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.PoAcknowledgment;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The 855s an interchange's orders get once the interchange is known to stand, kept out of the heap: one line each
 * (the release to write it in, a tab, the acknowledgment as compact JSON), in memory up to {@value #IN_MEMORY} bytes,
 * then in a temporary file. An interchange of 40,000 orders would otherwise hold 40,000 acknowledgments with their
 * schedules until its trailer. A group rejected at its trailer drops its own with {@link #truncate}.
 */
final class PendingAcknowledgments implements AutoCloseable {

    static final int IN_MEMORY = 1 << 20;

    private byte[] memory = new byte[4096];
    private int used;
    private Path file;
    private FileChannel channel;
    private long size;
    private final int inMemory;

    PendingAcknowledgments() {
        this(IN_MEMORY);
    }

    /** For tests: spill to a file past {@code inMemory} bytes. */
    PendingAcknowledgments(int inMemory) {
        this.inMemory = inMemory;
    }

    /** Where the acknowledgments added from now on begin, for {@link #truncate}. */
    long mark() {
        return size;
    }

    /** Appends one 855 to write in {@code release}. */
    void add(PoAcknowledgment ack, String release) {
        byte[] line = (release + '\t' + CanonicalJson.compact(ack) + '\n').getBytes(StandardCharsets.UTF_8);
        try {
            if (channel == null && used + line.length > inMemory) {
                file = Files.createTempFile("edihub-855-", ".jsonl");
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
                write(ByteBuffer.wrap(memory, 0, used));
                memory = null;
                used = 0;
            }
            if (channel != null) {
                channel.position(size);
                write(ByteBuffer.wrap(line));
            } else {
                if (used + line.length > memory.length) {
                    memory = Arrays.copyOf(memory, Math.max(memory.length * 2, used + line.length));
                }
                System.arraycopy(line, 0, memory, used, line.length);
                used += line.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spooling an 855 to " + file, e);
        }
        size += line.length;
    }

    /** Drops what was added since {@code mark}. */
    void truncate(long mark) {
        if (mark >= size) {
            return;
        }
        try {
            if (channel != null) {
                channel.truncate(mark);
            } else {
                used = (int) mark;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("truncating " + file, e);
        }
        size = mark;
    }

    /** Drops every pending acknowledgment. */
    void clear() {
        truncate(0);
    }

    /** Each pending acknowledgment in the order added, with the release to write it in; one at a time on the heap. */
    void forEach(BiConsumer<PoAcknowledgment, String> action) {
        try (Stream<String> lines = lines()) {
            lines.forEach(line -> {
                int tab = line.indexOf('\t');
                action.accept(CanonicalJson.read(line.substring(tab + 1), PoAcknowledgment.class), line.substring(0, tab));
            });
        }
    }

    private Stream<String> lines() {
        InputStream in = channel != null ? Channels.newInputStream(positioned()) : new ByteArrayInputStream(memory, 0, used);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines().onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A second channel on the file, from its start: closing it must not close the one that writes. */
    private FileChannel positioned() {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() {
        memory = null;
        if (channel != null) {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("removing " + file, e);
            }
            channel = null;
        }
    }
}
