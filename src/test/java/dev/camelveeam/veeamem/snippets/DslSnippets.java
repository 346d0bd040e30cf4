package dev.camelveeam.veeamem.snippets;

import dev.camelveeam.veeamem.dsl.VeeamEmComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

import static dev.camelveeam.veeamem.dsl.VeeamEmEndpointBuilderFactory.veeamEm;

/**
 * The Endpoint DSL and Component DSL snippets of README.md and the component page, each between {@code tag::name[]} and
 * {@code end::name[]}: the docs show them exactly ({@code SnippetsInDocsTest}) and javac compiles them against the
 * generated builders. Keep the formatter off the regions.
 */
final class DslSnippets {

    private DslSnippets() {
    }

    /** README: a route with the Endpoint DSL builder. */
    static final class ReadmeRoute extends EndpointRouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::readme-endpoint-dsl[]
            from("jms:queue:vm.decommissioned")
                .to(veeamEm("removeInclude").jobId("Oracle Backup").taskTimeout("15m"));
            // end::readme-endpoint-dsl[]
            // CHECKSTYLE:ON
        }
    }

    /** The component page: a producer and the consumer with the Endpoint DSL builder. */
    static final class PageRoutes extends EndpointRouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::page-endpoint-dsl[]
            from("jms:queue:vm.decommissioned")
                .to(veeamEm("removeInclude")
                    .baseUrl("https://em.example.com:9398/api")
                    .username("DOMAIN\\svc-camel")
                    .password("{{env:VEEAM_PASSWORD}}")   // no RAW() needed
                    .jobId("Oracle Backup")
                    .taskTimeout("15m"));

            from(veeamEm("backupSessions").sessionResult("Failed").delay("5m"))
                .log("Failed: ${header.CamelVeeamEmJobName}");
            // end::page-endpoint-dsl[]
            // CHECKSTYLE:ON
        }
    }

    static void readmeComponent(CamelContext context) {
        // CHECKSTYLE:OFF
        // tag::readme-component-dsl[]
        VeeamEmComponentBuilderFactory.veeamEm()      // the component, credentials outside any URI
            .baseUrl("https://em.example.com:9398/api").username("DOMAIN\\svc-camel").password(System.getenv("VEEAM_PASSWORD"))
            .register(context, "veeam-em");
        // end::readme-component-dsl[]
        // CHECKSTYLE:ON
    }

    static void pageComponent(CamelContext context) {
        // CHECKSTYLE:OFF
        // tag::page-component-dsl[]
        VeeamEmComponentBuilderFactory.veeamEm()
            .baseUrl("https://em.example.com:9398/api")
            .username("DOMAIN\\svc-camel")
            .password(System.getenv("VEEAM_PASSWORD"))
            .useGlobalSslContextParameters(true)
            .register(context, "veeam-em");
        // end::page-component-dsl[]
        // CHECKSTYLE:ON
    }
}
