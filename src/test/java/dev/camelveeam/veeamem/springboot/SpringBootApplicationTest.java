package dev.camelveeam.veeamem.springboot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.camelveeam.veeamem.VeeamEmComponent;
import dev.camelveeam.veeamem.VeeamEmConfiguration;
import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spring Boot 3 application with camel-spring-boot-starter, against the EM simulator: the component is
 * configured only through {@code camel.component.veeam-em.*} properties (application.yaml, relaxed names, a placeholder
 * for the password, bean references), or not at all when switched off.
 */
class SpringBootApplicationTest {

    private static final String PASSWORD = "Boot&Pa55=word";
    /** Spring Boot would otherwise take over the tests' log4j2 configuration (target/test.log). */
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private EmSimulator sim;
    private ConfigurableApplicationContext app;

    @BeforeAll
    static void keepTheTestsLogging() {
        System.setProperty(LOGGING_SYSTEM, "none");
    }

    @AfterAll
    static void restoreLogging() {
        System.clearProperty(LOGGING_SYSTEM);
    }

    @BeforeEach
    void startSimulator() {
        sim = new EmSimulator().withUser("svc-camel", PASSWORD)
                .withTaskRunTime(Duration.ofMillis(30)).withTaskCollectTime(Duration.ofMillis(20)).start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        sim.close();
    }

    /** The application of application.yaml, with the given further properties (command-line arguments). */
    private ConfigurableApplicationContext start(Class<?> application, String... arguments) {
        String[] args = new String[arguments.length + 3];
        args[0] = "--spring.config.location=classpath:springboot/application.yaml";
        args[1] = "--em.base-url=" + sim.getBaseUrl();
        args[2] = "--veeam.password=" + PASSWORD;
        System.arraycopy(arguments, 0, args, 3, arguments.length);
        app = new SpringApplicationBuilder(application).run(args);
        return app;
    }

    @Test
    void aRouteConfiguredOnlyThroughApplicationYamlRemovesAnInclude() {
        CamelContext camel = start(RemoveIncludeApplication.class).getBean(CamelContext.class);
        ProducerTemplate template = camel.createProducerTemplate();

        Task task = template.requestBodyAndHeaders("direct:remove", null, Map.of(
                VeeamEmConstants.JOB_ID, SEED_ORACLE_JOB_ID, VeeamEmConstants.INCLUDE_ID, SEED_ORACLE01_INCLUDE_ID),
                Task.class);

        assertEquals("Finished", task.getState());
        assertTrue(task.getResult().isSuccess(), task.getResult().getMessage());
        List<RecordedRequest> logons = sim.getRequests("POST", "/api/sessionMngr/");
        assertEquals(1, logons.size());
        assertEquals(basicAuth("svc-camel", PASSWORD), logons.get(0).header("Authorization"),
                "the username and the placeholder password from application.yaml reached EM");
        assertEquals(1, sim.getRequests("DELETE",
                "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID).size());
        assertFalse(sim.getRequests("GET", "/api/tasks/.*").isEmpty(), "the task was polled");
        VeeamEmConfiguration config = camel.getComponent("veeam-em", VeeamEmComponent.class).getConfiguration();
        assertAll(() -> assertEquals(50, config.getPollInitialDelay()),
                () -> assertEquals(30_000, config.getTaskTimeout()));
    }

    @Test
    void camelCaseNamesCamelPlaceholdersAndBeanReferencesWork() {
        CamelContext camel = start(BeansApplication.class,
                "--camel.component.veeam-em.sslContextParameters=#emCa",
                "--camel.component.veeam-em.state-repository=#bean:repo",
                "--camel.component.veeam-em.format=json",
                "--camel.component.veeam-em.cancelTaskOnTimeout=true",
                "--camel.component.veeam-em.username={{em.user}}",
                "--em.user=svc-other").getBean(CamelContext.class);

        VeeamEmConfiguration config = camel.getComponent("veeam-em", VeeamEmComponent.class).getConfiguration();

        assertAll(() -> assertSame(app.getBean("emCa"), config.getSslContextParameters()),
                () -> assertSame(app.getBean("repo"), config.getStateRepository()),
                () -> assertEquals(VeeamEmFormat.json, config.getFormat()),
                () -> assertTrue(config.isCancelTaskOnTimeout()),
                () -> assertEquals("svc-other", config.getUsername()),
                () -> assertEquals(sim.getBaseUrl(), config.getBaseUrl()));
    }

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        CamelContext camel = start(BeansApplication.class, "--camel.component.veeam-em.enabled=false")
                .getBean(CamelContext.class);

        VeeamEmConfiguration config = camel.getComponent("veeam-em", VeeamEmComponent.class).getConfiguration();

        assertAll(() -> assertNull(config.getBaseUrl()), () -> assertNull(config.getUsername()),
                () -> assertEquals(200, config.getPollInitialDelay()));
    }

    @Test
    void aPropertyThatIsNoOptionFailsTheStartNamingItButNotItsValue() {
        Exception failure = assertThrows(Exception.class,
                () -> start(RemoveIncludeApplication.class, "--camel.component.veeam-em.base-uri=secret-looking-value"));

        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("camel.component.veeam-em.base-uri"), messages.toString());
        assertFalse(messages.toString().contains("secret-looking-value"), messages.toString());
    }

    private static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class RemoveIncludeApplication {

        @Bean
        RouteBuilder removeIncludeRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:remove").routeId("remove").to("veeam-em:removeInclude");
                }
            };
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BeansApplication {

        @Bean
        SSLContextParameters emCa() {
            return new SSLContextParameters();
        }

        @Bean
        StateRepository<String, String> repo() {
            return new MemoryStateRepository();
        }
    }
}
