package dev.camelveeam.examples;

import dev.camelveeam.veeamem.VeeamEmConstants;
import org.apache.camel.builder.RouteBuilder;

import static dev.camelveeam.veeamem.dsl.VeeamEmEndpointBuilderFactory.veeamEm;

/**
 * The Java DSL twin of {@code examples/remove-include.yaml}: removes a decommissioned VM from its backup job and logs
 * the final EM task. The endpoint is written with the generated Endpoint DSL builder ({@code veeamEm(...)}, needs
 * org.apache.camel:camel-endpointdsl), which takes the password as written, with no RAW() around it.
 */
public class RemoveIncludeRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:decommissioned?repeatCount=1").routeId("remove-decommissioned-vm")
                .setHeader(VeeamEmConstants.JOB_ID, constant("{{veeam.jobId}}"))
                .setHeader(VeeamEmConstants.INCLUDE_ID, constant("{{veeam.includeId}}"))
                .to(veeamEm("removeInclude")
                        .baseUrl("{{veeam.baseUrl}}")
                        .username("{{veeam.username}}")
                        .password("{{veeam.password}}")
                        .format("{{veeam.format:xml}}"))
                .log("Final task: ${body} (header CamelVeeamEmTaskState=${header.CamelVeeamEmTaskState})");
    }
}
