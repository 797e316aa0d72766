package io.edihub;

import io.edihub.cli.KafkaCommand;
import io.edihub.cli.TranslateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * EDI Hub: turns customers' scheduled purchase orders into monthly releases, and back into invoices
 * for what the customer accepted.
 *
 * <p>{@code java -jar edi-hub.jar translate FILE...} runs the offline translator instead of the hub;
 * {@code java -jar edi-hub.jar kafka publish|read ...} is a plain Kafka client for trying the hub out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdiHubApplication {

    public static void main(String[] args) {
        if (args.length > 0 && TranslateCommand.NAME.equals(args[0])) {
            System.exit(TranslateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && KafkaCommand.NAME.equals(args[0])) {
            System.exit(KafkaCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(EdiHubApplication.class, args);
    }
}
