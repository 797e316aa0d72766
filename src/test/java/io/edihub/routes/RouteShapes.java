package io.edihub.routes;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The smallest application a route test needs: Camel with the YAML DSL and the route files the test names
 * ({@code camel.main.routes-include-pattern}), no database, broker, SFTP server or web server. The test puts
 * stand-ins for the beans the routes call under their names.
 */
@SpringBootConfiguration
@ImportAutoConfiguration(CamelAutoConfiguration.class)
class RouteShapes {
}
