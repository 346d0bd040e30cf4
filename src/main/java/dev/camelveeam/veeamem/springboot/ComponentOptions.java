package dev.camelveeam.veeamem.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The {@code camel.component.veeam-em.*} properties of a Spring environment as component options, and their binding
 * onto the component.
 */
final class ComponentOptions {

    /** Properties under the prefix that configure the auto-configuration itself, not the component. */
    private static final Set<String> AUTO_CONFIGURATION_KEYS = Set.of("enabled", "customizer");

    private ComponentOptions() {
    }

    /**
     * The properties under {@link VeeamEmComponentAutoConfiguration#PREFIX}, by option name: Spring's relaxed binding
     * finds them in every property source ({@code base-url}, {@code baseUrl}, {@code BASEURL} in an environment
     * variable), resolves {@code ${...}} placeholders, and a dashed name becomes the camel-case option name. Camel
     * resolves {@code {{...}}} placeholders and {@code #bean} references when it binds them.
     */
    static Map<String, Object> from(Environment environment) {
        Map<String, String> properties = Binder.get(environment)
                .bind(VeeamEmComponentAutoConfiguration.PREFIX, Bindable.mapOf(String.class, String.class))
                .orElseGet(Map::of);
        Map<String, Object> options = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            String first = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!AUTO_CONFIGURATION_KEYS.contains(first.toLowerCase())) {
                options.put(StringHelper.dashToCamelCase(key), value);
            }
        });
        return options;
    }

    /**
     * Sets the options on the component through its generated configurer (a duration such as {@code 50ms}, a
     * {@code #name} bean reference and a {@code {{...}}} placeholder are converted as for an endpoint URI).
     *
     * @throws IllegalArgumentException naming the properties that are no option of the component (their values are not
     *                                  quoted: one may be a password)
     */
    static void bind(Component component, Map<String, Object> options) {
        CamelContext context = component.getCamelContext();
        // the configurer is resolved when the component is initialized (Camel has done it before customizing)
        ServiceHelper.initService(component);
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        List<String> unknown = new ArrayList<>();
        options.forEach((name, value) -> {
            boolean set = PropertyBindingSupport.build().withConfigurer(configurer).withIgnoreCase(true)
                    .bind(context, component, name, value);
            if (!set) {
                unknown.add(VeeamEmComponentAutoConfiguration.PREFIX + "." + StringHelper.camelCaseToDash(name));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "The veeam-em component has no option for " + String.join(", ", unknown)
                                               + ": see the options on the component page, or the IDE completion"
                                               + " of camel.component.veeam-em.*");
        }
    }
}
