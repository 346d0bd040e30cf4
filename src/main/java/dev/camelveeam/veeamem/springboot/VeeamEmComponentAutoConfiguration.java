package dev.camelveeam.veeamem.springboot;

import dev.camelveeam.veeamem.VeeamEmComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration of the {@code veeam-em} component: every {@code camel.component.veeam-em.*} property
 * of the application (application.yaml, application.properties, environment variables, relaxed names such as
 * {@code base-url}) is set on the component named {@code veeam-em} when Camel creates it.
 * <p>
 * It binds the properties generically, through the component's generated configurer, as Camel's own starters do: an
 * option added to the component needs no code here. Values may be Spring ({@code ${...}}) or Camel ({@code {{...}}})
 * placeholders, and {@code #name} or {@code #bean:name} for a bean, such as an {@code SSLContextParameters} or a
 * {@code StateRepository}. A property that names no option of the component fails the component's creation, naming the
 * property. {@code camel.component.veeam-em.enabled=false} (or {@code camel.component.enabled=false}) turns it off; so
 * does {@code camel.component.veeam-em.customizer.enabled=false} (or {@code camel.component.customizer.enabled=false}),
 * as for Camel's starters.
 * <p>
 * Spring Boot and camel-spring-boot are optional dependencies of the component: this class is loaded only by a Spring
 * Boot application (it is listed in {@code META-INF/spring/...AutoConfiguration.imports}), and only when
 * camel-spring-boot is on its classpath. The IDE metadata of the properties is
 * {@code META-INF/spring-configuration-metadata.json}, generated from the component JSON by the build.
 */
@AutoConfiguration(afterName = VeeamEmComponentAutoConfiguration.CAMEL_AUTO_CONFIGURATION)
@ConditionalOnClass(name = VeeamEmComponentAutoConfiguration.CAMEL_AUTO_CONFIGURATION)
@Conditional(OnVeeamEmEnabledCondition.class)
public class VeeamEmComponentAutoConfiguration {

    /** The property prefix of the component's options. */
    public static final String PREFIX = "camel.component.veeam-em";

    static final String CAMEL_AUTO_CONFIGURATION = "org.apache.camel.spring.boot.CamelAutoConfiguration";

    private static final String COMPONENT_NAME = "veeam-em";

    /** Sets the application's {@code camel.component.veeam-em.*} properties on the component named veeam-em. */
    @Lazy
    @Bean
    public ComponentCustomizer veeamEmComponentCustomizer(Environment environment) {
        return new ComponentCustomizer() {
            @Override
            public boolean isEnabled(String name, Component target) {
                return COMPONENT_NAME.equals(name) && target instanceof VeeamEmComponent
                        && EnabledFlags.evaluate(environment, "camel.component.customizer", PREFIX + ".customizer");
            }

            @Override
            public void configure(String name, Component target) {
                ComponentOptions.bind(target, ComponentOptions.from(environment));
            }
        };
    }
}
