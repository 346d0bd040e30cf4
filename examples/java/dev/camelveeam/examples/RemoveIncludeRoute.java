package dev.camelveeam.examples;

import dev.camelveeam.veeamem.VeeamEmConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL twin of {@code examples/remove-include.yaml}: removes a decommissioned VM from its backup job and logs
 * the final EM task.
 */
public class RemoveIncludeRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:decommissioned?repeatCount=1").routeId("remove-decommissioned-vm")
                .setHeader(VeeamEmConstants.JOB_ID, constant("{{veeam.jobId}}"))
                .setHeader(VeeamEmConstants.INCLUDE_ID, constant("{{veeam.includeId}}"))
                .to("veeam-em:removeInclude?baseUrl={{veeam.baseUrl}}&username={{veeam.username}}"
                    + "&password=RAW({{veeam.password}})&format={{veeam.format:xml}}")
                .log("Final task: ${body} (header CamelVeeamEmTaskState=${header.CamelVeeamEmTaskState})");
    }
}
