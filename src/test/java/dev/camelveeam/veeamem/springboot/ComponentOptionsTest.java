package dev.camelveeam.veeamem.springboot;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which properties of a Spring environment become which component options, and the enabled flags. */
class ComponentOptionsTest {

    private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    @Test
    void relaxedNamesBecomeOptionNamesAndTheAutoConfigurationsOwnKeysAreLeftOut() {
        Map<String, Object> options = ComponentOptions.from(environment(Map.of(
                "camel.component.veeam-em.base-url", "https://em:9398/api",
                "camel.component.veeam-em.pollInitialDelay", "50ms",
                "camel.component.veeam-em.enabled", "true",
                "camel.component.veeam-em.customizer.enabled", "true",
                "camel.component.other.base-url", "not ours",
                "veeam.password", "s3cret",
                "camel.component.veeam-em.password", "${veeam.password}"),
                Map.of(
                        "CAMEL_COMPONENT_VEEAMEM_USERNAME", "svc-camel")));

        assertEquals(Map.of("baseUrl", "https://em:9398/api", "pollInitialDelay", "50ms", "password", "s3cret",
                "username", "svc-camel"), options);
    }

    @Test
    void theMostSpecificEnabledFlagWins() {
        assertTrue(EnabledFlags.evaluate(environment(Map.of(), Map.of()), "camel.component", "camel.component.veeam-em"));
        assertFalse(EnabledFlags.evaluate(environment(Map.of("camel.component.enabled", "false"), Map.of()),
                "camel.component", "camel.component.veeam-em"));
        assertTrue(EnabledFlags.evaluate(environment(Map.of("camel.component.enabled", "false",
                "camel.component.veeam-em.enabled", "true"), Map.of()), "camel.component", "camel.component.veeam-em"));
        assertFalse(EnabledFlags.evaluate(environment(Map.of(), Map.of("CAMEL_COMPONENT_VEEAMEM_ENABLED", "false")),
                "camel.component", "camel.component.veeam-em"));
    }
}
