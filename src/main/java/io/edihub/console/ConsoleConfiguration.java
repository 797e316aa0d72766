package io.edihub.console;

import io.hawt.web.auth.AuthenticationConfiguration;
import org.jolokia.server.core.http.AgentServlet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Jolokia for Hawtio, and Hawtio's login wired to the hub's users.
 *
 * <p>Jolokia's own servlet (the version Hawtio is built with) answers on {@code /jolokia}: the Spring Boot
 * actuator endpoint of Jolokia comes only with a newer Jolokia than Hawtio's. Hawtio authenticates its
 * login form through JAAS, in the realm {@code hawtio.realm}: the hub answers that realm with
 * {@link OperatorLoginModule}, once Hawtio's own listener has made its authentication settings.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    static final String JOLOKIA_PATH = "/jolokia";

    @Bean
    ServletRegistrationBean<AgentServlet> jolokiaServlet() {
        ServletRegistrationBean<AgentServlet> servlet = new ServletRegistrationBean<>(new AgentServlet(),
                JOLOKIA_PATH + "/*");
        servlet.setName("jolokia");
        servlet.setLoadOnStartup(1);
        // Hawtio's Camel plugin reads and operates on MBeans; remote JMX connections from a browser are refused
        servlet.addInitParameter("discoveryEnabled", "false");
        return servlet;
    }

    @Bean
    ApplicationListener<ServletWebServerInitializedEvent> hawtioLoginWithHubUsers(UserDetailsService users) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        AuthenticationManager authentication = new ProviderManager(passwords);
        return event -> {
            AuthenticationConfiguration hawtio = AuthenticationConfiguration.getConfiguration(
                    event.getApplicationContext().getServletContext());
            hawtio.setConfiguration(new OperatorRealm(authentication));
        };
    }
}
