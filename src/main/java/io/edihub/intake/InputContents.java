package io.edihub.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bytes of an input as it was received, for a person to open again: an operator on the desk, a partner its own
 * documents on the portal. Always asked with the partner, so a partner's page can never name another's input. Read in
 * slices of {@value #SLICE} bytes, so a 100 MB input costs the heap one slice, not the file.
 */
@Component
public class InputContents {

    static final int SLICE = 1 << 20;

    private final JdbcTemplate jdbc;

    InputContents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An input's name, size and the format it was recognised as; empty when the partner has no input of that id or its
     * content was never kept.
     */
    public record Input(long id, String partnerId, String fileName, long size, String format) {

        /** JSON and CSV documents are UTF-8; X12 and EDIFACT bytes are shown one character a byte. */
        public java.nio.charset.Charset charset() {
            return format != null && (format.contains("JSON") || format.contains("CSV"))
                    ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.StandardCharsets.ISO_8859_1;
        }
    }

    @Transactional(readOnly = true)
    public Optional<Input> find(String partnerId, long id) {
        return jdbc.query("select id, partner_id, file_name, octet_length(content), format from inbound_document "
                + "where id = ? and partner_id = ? and content is not null", rs -> rs.next()
                        ? Optional.of(new Input(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5)))
                        : Optional.<Input>empty(), id, partnerId);
    }

    /** Copies at most {@code limit} bytes of the input to {@code out}; returns how many it copied. */
    @Transactional(readOnly = true)
    public long copy(String partnerId, long id, long limit, OutputStream out) {
        long copied = 0;
        while (copied < limit) {
            int length = (int) Math.min(SLICE, limit - copied);
            // a bytea holds at most 1 GB: its positions are ints
            byte[] slice = jdbc.query("select substring(content from ? for ?) from inbound_document "
                    + "where id = ? and partner_id = ?", rs -> rs.next() ? rs.getBytes(1) : null,
                    (int) (copied + 1), length, id, partnerId);
            if (slice == null || slice.length == 0) {
                break;
            }
            try {
                out.write(slice);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copied += slice.length;
        }
        return copied;
    }
}
