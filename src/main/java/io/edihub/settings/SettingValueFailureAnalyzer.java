package io.edihub.settings;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A value of the hub's own settings ({@code edihub.*}, bound to the settings records of each package) that is
 * out of range, of the wrong kind, or refused by the record's own check stops the start with one line per
 * problem naming the property and the environment variable that sets it, in the style of
 * {@link InvalidSettingsFailureAnalyzer}: {@code edihub.sftp.port (EDIHUB_SFTP_PORT) is 70000: must be a port
 * number, 1 to 65535}. Other groups' binding failures keep Spring Boot's own report.
 */
public class SettingValueFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    /** The first variable of a {@code ${EDIHUB_X:default}} placeholder, as application.yaml names them. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** A record's own check names its property first: {@code edihub.cluster.leader-heartbeat (PT10S) must be ...}. */
    private static final Pattern LEADING_PROPERTY = Pattern.compile("^(edihub\\.[a-z0-9.-]*[a-z0-9])(.*)$", Pattern.DOTALL);
    private static final String PREFIX = "edihub";

    private final Environment environment;

    public SettingValueFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        // before Spring Boot's BindFailureAnalyzer and BindValidationFailureAnalyzer
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String group = cause.getName().toString();
        if (!group.equals(PREFIX) && !group.startsWith(PREFIX + ".")) {
            return null;
        }
        return new FailureAnalysis(InvalidSettingsException.report(problems(cause)),
                "Correct the settings named above (the environment variable in brackets sets each one; "
                        + "application.yaml describes them and has their defaults), then start the hub again.",
                cause);
    }

    /** One sentence per wrong value, each naming the property and its environment variable. */
    List<String> problems(BindException failure) {
        String group = failure.getName().toString();
        List<String> problems = new ArrayList<>();
        if (failure.getCause() instanceof BindValidationException invalid) {
            List<ObjectError> errors = new ArrayList<>(invalid.getValidationErrors().getAllErrors());
            // in the order of the record, which is the order of application.yaml
            List<String> order = components(failure.getTarget().getType().resolve());
            errors.sort(Comparator.comparingInt(error -> error instanceof FieldError field
                    ? order.indexOf(field.getField()) : -1));
            for (ObjectError error : errors) {
                if (error instanceof FieldError field) {
                    String property = group + "." + DataObjectPropertyName.toDashedForm(field.getField());
                    problems.add(named(property) + wrong(field.getRejectedValue(), field.getDefaultMessage()));
                } else {
                    problems.add(group + ": " + error.getDefaultMessage());
                }
            }
        } else if (failure.getProperty() != null && cause(failure, ConversionFailedException.class) instanceof ConversionFailedException conversion) {
            String property = failure.getProperty().getName().toString();
            problems.add(named(property) + " is '" + conversion.getValue() + "', which is not "
                    + kind(conversion.getTargetType().getType()));
        } else {
            problems.add(ownCheck(group, rootMessage(failure)));
        }
        // two constraints on one value (not blank, and a pattern) would say the same twice
        return problems.stream().distinct().toList();
    }

    private static List<String> components(Class<?> settings) {
        if (settings == null || !settings.isRecord()) {
            return List.of();
        }
        return Arrays.stream(settings.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static String wrong(Object value, String reason) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return " is not set";
        }
        return " is " + (value instanceof String ? "'" + value + "'" : value) + ": " + reason;
    }

    private String ownCheck(String group, String message) {
        Matcher leading = LEADING_PROPERTY.matcher(message);
        if (leading.matches() && leading.group(2).startsWith(" (")) {
            // the check shows the value in brackets already: edihub.cluster.leader-heartbeat (PT10S) must be ...
            return message + " (environment variable " + variable(leading.group(1)) + ")";
        }
        if (leading.matches()) {
            return named(leading.group(1)) + leading.group(2);
        }
        return group + ": " + message;
    }

    /** The property and, in brackets, the environment variable that sets it. */
    String named(String property) {
        return property + " (" + variable(property) + ")";
    }

    /**
     * The variable application.yaml (or a profile's file) takes the property from, else the one Spring Boot's
     * relaxed binding reads it from ({@code edihub.watchdog.held-order-after}: {@code EDIHUB_WATCHDOG_HELD_ORDER_AFTER}).
     */
    String variable(String property) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                    continue;
                }
                if (source.getProperty(property) instanceof String raw) {
                    Matcher placeholder = VARIABLE.matcher(raw);
                    if (placeholder.find()) {
                        return placeholder.group(1);
                    }
                }
            }
        }
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 500ms, 30s, 5m or PT1H";
        }
        if (type == Path.class) {
            return "a file or folder name";
        }
        return "a " + type.getSimpleName();
    }

    private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
