package io.edihub.intake;

import io.edihub.document.CsvOrderReader;
import io.edihub.document.JsonOrderReader;
import io.edihub.edifact.EdifactOrdersReader;
import io.edihub.edifact.EdifactSettings;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerSettings;
import io.edihub.x12.AcknowledgmentWriter;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.InterchangeReader;
import io.edihub.x12.JdbcControlNumbers;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.X12Translator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans of the intake path: partners, the X12, JSON and CSV readers and writers, control numbers. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PartnerDirectory partnerDirectory(PartnerSettings settings) {
        return PartnerDirectory.load(settings.partnersDir());
    }

    @Bean
    X12Translator x12Translator(OurIdentity us, Clock clock) {
        return new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(us), clock);
    }

    /** JSON orders over SFTP and HTTP; larger documents are refused before they are parsed. */
    @Bean
    JsonOrderReader jsonOrderReader(IntakeSettings settings) {
        return new JsonOrderReader(settings.maxDocumentBytes());
    }

    @Bean
    CsvOrderReader csvOrderReader(IntakeSettings settings) {
        return new CsvOrderReader(settings.maxDocumentBytes());
    }

    /**
     * EDIFACT ORDERS through Smooks. Compiling its DFDL schema takes 30 to 60 seconds once per JVM: it is done
     * in the background at start ({@code edihub.edifact.warm-up}), so the first interchange does not wait.
     */
    @Bean
    EdifactOrdersReader edifactOrdersReader(EdifactSettings settings) {
        EdifactOrdersReader reader = new EdifactOrdersReader();
        if (settings.warmUp()) {
            Thread thread = new Thread(() -> {
                try {
                    reader.warmUp();
                } catch (RuntimeException e) {
                    // the first interchange tries again, and its failure is reported with the file
                    org.slf4j.LoggerFactory.getLogger(EdifactOrdersReader.class).warn("EDIFACT schema warm-up failed", e);
                }
            }, "edifact-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
        return reader;
    }

    @Bean
    ControlNumbers controlNumbers(JdbcTemplate jdbc) {
        return new JdbcControlNumbers(jdbc);
    }
}
