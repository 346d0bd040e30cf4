package dev.camelveeam.veeamem;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelveeam.veeamem.dsl.VeeamEmComponentBuilderFactory;
import dev.camelveeam.veeamem.dsl.VeeamEmEndpointBuilderFactory.VeeamEmBuilders;
import dev.camelveeam.veeamem.dsl.VeeamEmEndpointBuilderFactory.VeeamEmEndpointBuilder;
import dev.camelveeam.veeamem.dsl.VeeamEmEndpointBuilderFactory.VeeamEmEndpointProducerBuilder;
import dev.camelveeam.veeamem.simulator.SimBackupSession.Result;
import dev.camelveeam.veeamem.simulator.SimBackupSession.State;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.dsl.VeeamEmEndpointBuilderFactory.veeamEm;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE02_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated Endpoint DSL and Component DSL builders: typed options, secrets with URI characters, the consumer's
 * options and its 60 s default poll delay, header names.
 */
class EndpointDslTest extends VeeamEmTestSupport {

    /** A password with every character that means something in an endpoint URI. */
    static final String TRICKY_USER = "DOMAIN\\svc camel";
    static final String TRICKY_PASSWORD = "p&ss=x+y %25z)?#";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(sim -> sim.withUser(TRICKY_USER, TRICKY_PASSWORD));

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    private VeeamEmEndpointProducerBuilder removeInclude(String user, String password) {
        return veeamEm("removeInclude").baseUrl(sim.getBaseUrl()).username(user).password(password)
                .jobId(SEED_ORACLE_JOB_ID).includeId(SEED_ORACLE01_INCLUDE_ID).pollInitialDelay(20).pollMaxDelay("200");
    }

    @Test
    void theEndpointBuilderSetsTypedOptions() {
        VeeamEmEndpoint endpoint = (VeeamEmEndpoint) veeamEm("getJob").baseUrl("https://em.example.com:9398/api")
                .username("u").password("p").format(VeeamEmFormat.json).taskTimeout("2m").maxPages(7)
                .advanced().connectTimeout(1500).maxResponseSize("2048")
                .resolve(context);

        VeeamEmConfiguration config = endpoint.getConfiguration();
        assertEquals("getJob", endpoint.getOperation());
        assertEquals(VeeamEmFormat.json, config.getFormat());
        assertEquals(120_000, config.getTaskTimeout());
        assertEquals(7, config.getMaxPages());
        assertEquals(1500, config.getConnectTimeout());
        assertEquals(2048, config.getMaxResponseSize());
    }

    @Test
    void secretsWithUriCharactersReachEmAsWritten() {
        VeeamEmEndpoint endpoint = (VeeamEmEndpoint) removeInclude(TRICKY_USER, TRICKY_PASSWORD).resolve(context);
        assertEquals(TRICKY_USER, endpoint.getConfiguration().getUsername());
        assertEquals(TRICKY_PASSWORD, endpoint.getConfiguration().getPassword());
        assertEquals("p&ss=x", veeamEm("getJob").baseUrl("http://localhost").username("u").password("p&ss=x")
                .resolve(context, VeeamEmEndpoint.class).getConfiguration().getPassword(),
                "the brief's example");

        assertFinishedTask(template.request(endpoint, exchange -> {
        }), true, "Ok");
        assertEquals(basicAuth(TRICKY_USER, TRICKY_PASSWORD), sim.getRequests().get(0).header("Authorization"));
    }

    @Test
    void aRawOrPlaceholderPasswordIsTakenAsItIs() {
        context.getPropertiesComponent().addInitialProperty("em.password", TRICKY_PASSWORD);
        assertEquals(TRICKY_PASSWORD, veeamEm("getJob").baseUrl("http://localhost").username("u")
                .password("{{em.password}}").resolve(context, VeeamEmEndpoint.class).getConfiguration().getPassword());
        assertEquals("a&b", veeamEm("getJob").baseUrl("http://localhost").username("u").password("RAW(a&b)")
                .resolve(context, VeeamEmEndpoint.class).getConfiguration().getPassword());
    }

    @Test
    void routesUseTheBuilderInToAndToD() throws Exception {
        sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().addInclude("3c7f1a52-77e1-4d0b-9a8e-0f2b8d6e4a13",
                "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48913", "oracle03");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:to").to(removeInclude(TRICKY_USER, TRICKY_PASSWORD));
                from("direct:toD").toD(removeInclude(TRICKY_USER, TRICKY_PASSWORD)
                        .includeId("${header.include}"));
            }
        });

        assertFinishedTask(template.request("direct:to", exchange -> {
        }), true, "Ok");
        assertFinishedTask(template.request("direct:toD", exchange -> exchange.getIn().setHeader("include",
                SEED_ORACLE02_INCLUDE_ID)), true, "Ok");
        assertEquals(List.of("oracle03"), sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().stream()
                .map(include -> include.getName()).toList(), "both includes removed");
    }

    @Test
    void theConsumerBuilderSetsSchedulerOptionsAndDefaultsToAMinute() throws Exception {
        VeeamEmEndpoint defaults = (VeeamEmEndpoint) veeamEm("backupSessions").baseUrl(sim.getBaseUrl())
                .username(USER).password(PASSWORD).resolve(context);
        assertEquals(60_000, defaults.getDelay(), "the metadata's default, 60000, is the real one");

        VeeamEmEndpoint configured = (VeeamEmEndpoint) veeamEm("backupSessions").baseUrl(sim.getBaseUrl())
                .username(USER).password(PASSWORD).delay("30s").initialDelay(0).initialLookback("24h")
                .sessionResult("Failed").timeUnit(TimeUnit.MILLISECONDS).advanced().bridgeErrorHandler(true)
                .resolve(context);
        assertEquals(30_000, configured.getDelay());
        assertEquals(0, configured.getInitialDelay());
        assertEquals(86_400_000, configured.getConfiguration().getInitialLookback());
        assertTrue(configured.isBridgeErrorHandler());

        Instant end = Instant.now().minusSeconds(60);
        String failedSession = sim.addBackupSession(SEED_ORACLE_JOB_ID, State.Stopped, Result.Failed,
                end.minusSeconds(600), end).getId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(veeamEm("backupSessions").baseUrl(sim.getBaseUrl()).username(TRICKY_USER)
                        .password(TRICKY_PASSWORD).initialLookback("24h").sessionResult("Failed").initialDelay(0))
                        .to("mock:failed");
            }
        });
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMinimumMessageCount(1);
        failed.assertIsSatisfied(20_000);
        assertEquals(failedSession, failed.getExchanges().get(0).getMessage().getHeader(VeeamEmConstants.BACKUP_SESSION_ID));
    }

    @Test
    void theMetadataHasTheRealDelayDefaultAndTheGlobalSslOption() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelveeam/veeamem/veeam-em.json")) {
            json = new ObjectMapper().readTree(in);
        }
        JsonNode delay = json.path("properties").path("delay");
        assertEquals("60000", delay.path("defaultValue").asText(), "veeam-em.json (and so the page and the builders)");
        assertEquals("duration", delay.path("type").asText(), "delay takes 30s, 5m as well as milliseconds");
        JsonNode global = json.path("componentProperties").path("useGlobalSslContextParameters");
        assertEquals("security", global.path("label").asText());
        assertFalse(global.path("defaultValue").asBoolean(true));
    }

    @Test
    void theComponentBuilderRegistersAConfiguredComponent() {
        VeeamEmComponentBuilderFactory.veeamEm().baseUrl(sim.getBaseUrl()).username(TRICKY_USER)
                .password(TRICKY_PASSWORD).pollInitialDelay(20).failOnTaskError(true).useGlobalSslContextParameters(false)
                .register(context, "veeam-em-dsl");

        VeeamEmComponent component = context.getComponent("veeam-em-dsl", VeeamEmComponent.class);
        assertEquals(TRICKY_PASSWORD, component.getConfiguration().getPassword());
        assertFalse(component.isUseGlobalSslContextParameters());
        Exchange result = template.request("veeam-em-dsl:removeInclude?jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                           + SEED_ORACLE01_INCLUDE_ID,
                exchange -> {
                });
        assertFinishedTask(result, true, "Ok");
        assertNull(result.getException());
    }

    @Test
    void headerNamesComeFromTheHeaderNameBuilder() {
        VeeamEmBuilders builders = new VeeamEmBuilders() {
        };
        assertEquals(VeeamEmConstants.JOB_ID, builders.veeamEm().veeamEmJobId());
        assertEquals(VeeamEmConstants.TASK_STATE, builders.veeamEm().veeamEmTaskState());
        assertInstanceOf(VeeamEmEndpointBuilder.class, builders.veeamEm("getJob"));
    }
}
