package dev.camelveeam.veeamem.snippets;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Java snippets of README.md, each between {@code tag::name[]} and {@code end::name[]}: README.md shows them
 * exactly ({@code SnippetsInDocsTest}), javac compiles them, and {@code ReadmeSnippetsTest} runs them against the
 * simulator. Keep the formatter off the regions: the page must show them as written here.
 */
final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /** The opening example: a VM to remove arrives on a queue. */
    static final class RemoveIncludeFromQueue extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::remove-include-from-queue[]
            from("jms:queue:vm.decommissioned")
                .setHeader("CamelVeeamEmJobId", simple("${body.jobId}"))
                .setHeader("CamelVeeamEmIncludeId", simple("${body.includeId}"))
                .to("veeam-em:removeInclude")
                .log("EM task ${header.CamelVeeamEmTaskId}: ${body.result.message}");
            // end::remove-include-from-queue[]
            // CHECKSTYLE:ON
        }
    }

    /** The remove-include Kamelet, configured through camel.kamelet.* properties. */
    static final class KameletAction extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::kamelet-action[]
            from("jms:queue:vm.decommissioned")          // headers jobId and includeId
                .to("kamelet:veeam-em-remove-include-action")
                .log("EM task ${header.CamelVeeamEmTaskId}: ${body.result.message}");
            // end::kamelet-action[]
            // CHECKSTYLE:ON
        }
    }

    /** The backup-session source Kamelet, configured in its URI. */
    static final class KameletSource extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::kamelet-source[]
            from("kamelet:veeam-em-backup-session-source?baseUrl=https://em.example.com:9398/api&username=svc-camel"
                 + "&password=RAW({{env:VEEAM_PASSWORD}})&sessionResult=Failed&jobName=RAW(Oracle Backup)")
                .log("Backup failed: ${body}");
            // end::kamelet-source[]
            // CHECKSTYLE:ON
        }
    }
}
