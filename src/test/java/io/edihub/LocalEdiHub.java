package io.edihub;

import org.springframework.boot.SpringApplication;

/**
 * The hub on its embedded defaults, for trying it out: {@code ./mvnw spring-boot:test-run}. It is the
 * production {@link EdiHubApplication} started from the test class path, where {@code io.edihub.local} adds a
 * real PostgreSQL, Kafka broker and SFTP server (found by component scan like every package under
 * {@code io.edihub}; their environment post-processor is registered in the test {@code META-INF/spring.factories}).
 * Their state lives under {@code data/}. None of it is in the production jar.
 */
public final class LocalEdiHub {

    private LocalEdiHub() {
    }

    public static void main(String[] args) {
        SpringApplication.from(EdiHubApplication::main).run(args);
    }
}
