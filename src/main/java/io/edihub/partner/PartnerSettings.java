package io.edihub.partner;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the partner profiles are ({@code edihub.partners-dir}).
 *
 * @param partnersDir the folder with one {@code <id>.yaml} per trading partner; a missing folder means no partner
 */
@Validated
@ConfigurationProperties("edihub")
public record PartnerSettings(@NotNull Path partnersDir) {
}
