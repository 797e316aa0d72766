package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Golden files of the errors a broken sample must give: {@code <sample name without extension><suffix>}
 * beside it, one {@link InputError#toString()} a line. Run with {@code -Dedihub.golden.update=true} to
 * rewrite them from what the readers say now, then review the diff.
 */
public final class GoldenErrors {

    private GoldenErrors() {
    }

    public static void assertExpected(Path sample, String suffix, List<InputError> errors) throws IOException {
        String actual = errors.stream().map(e -> e + "\n").collect(Collectors.joining());
        String name = sample.getFileName().toString();
        Path expected = sample.resolveSibling(name.replaceFirst("\\.[^.]+$", "") + suffix);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.writeString(expected, actual);
        }
        assertThat(actual).as(sample + " against " + expected.getFileName()).isEqualTo(Files.readString(expected));
    }
}
