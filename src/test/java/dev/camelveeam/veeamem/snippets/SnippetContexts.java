package dev.camelveeam.veeamem.snippets;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import dev.camelveeam.veeamem.VeeamEmComponent;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesFunction;

/** Runs documentation snippets against the simulator: {@code jms:} is a {@code seda:} component, as no broker runs. */
final class SnippetContexts {

    static final String USERNAME = "DOMAIN\\svc-camel";
    static final String PASSWORD = "s3cret&Pa55";

    private SnippetContexts() {
    }

    static EmSimulatorExtension simulator() {
        return new EmSimulatorExtension().configure(sim -> sim.withUser(USERNAME, PASSWORD)
                .withTaskRunTime(Duration.ofMillis(30)).withTaskCollectTime(Duration.ofMillis(10)));
    }

    /** Camel's {@code env:} function over the given variables (the tests cannot set the JVM's environment). */
    static PropertiesFunction environment(Map<String, String> variables) {
        return new PropertiesFunction() {
            @Override
            public String getName() {
                return "env";
            }

            @Override
            public String apply(String remainder) {
                return variables.getOrDefault(remainder, System.getenv(remainder));
            }
        };
    }

    /** A started context with the routes, the component connected to the simulator and the properties given. */
    static CamelContext start(EmSimulator sim, Properties properties, RoutesBuilder... routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getPropertiesComponent().addPropertiesFunction(environment(Map.of("VEEAM_PASSWORD", PASSWORD)));
        context.addComponent("jms", new SedaComponent());
        VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
        component.getConfiguration().setBaseUrl(sim.getBaseUrl());
        component.getConfiguration().setUsername(USERNAME);
        component.getConfiguration().setPassword(PASSWORD);
        component.getConfiguration().setPollInitialDelay(20);
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        context.start();
        return context;
    }
}
