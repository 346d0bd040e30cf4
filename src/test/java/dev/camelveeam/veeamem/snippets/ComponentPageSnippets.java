package dev.camelveeam.veeamem.snippets;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.VeeamEmFileStateRepository;
import dev.camelveeam.veeamem.VeeamEmTaskTimeoutException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The Java snippets of the component page (src/main/docs/veeam-em-component.adoc), each between {@code tag::name[]} and
 * {@code end::name[]}: the page shows them exactly ({@code SnippetsInDocsTest}), javac compiles them, and
 * {@code ComponentPageSnippetsTest} runs those that can run against the simulator. Keep the formatter off the regions:
 * the page must show them as written here.
 */
final class ComponentPageSnippets {

    private ComponentPageSnippets() {
    }

    static final class TlsTrustStore extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::tls[]
            KeyStoreParameters trustStore = new KeyStoreParameters();
            trustStore.setResource("file:/etc/camel/em-ca.p12");
            trustStore.setPassword("{{veeam.trustStorePassword}}");
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(trustStore);
            SSLContextParameters emCa = new SSLContextParameters();
            emCa.setTrustManagers(trustManagers);
            getContext().getRegistry().bind("emCa", emCa);

            from("direct:remove")
                .to("veeam-em:removeInclude?sslContextParameters=#emCa");
            // end::tls[]
            // CHECKSTYLE:ON
        }
    }

    static final class Includes extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::includes[]
            from("timer:oracle-includes?repeatCount=1")
                .setHeader(VeeamEmConstants.JOB_ID, constant("Oracle Backup"))
                .to("veeam-em:listIncludes")
                .split(body())
                    .log("${body.name}: ObjectInJobId ${body.objectInJobId}, ${body.hierarchyObjRef}");

            from("direct:include")          // headers CamelVeeamEmJobId and CamelVeeamEmIncludeId
                .to("veeam-em:getInclude")
                .log("${body.displayName} is in the job");
            // end::includes[]
            // CHECKSTYLE:ON
        }
    }

    static final class Jobs extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::jobs[]
            from("timer:job-report?period=3600000")
                .to("veeam-em:listJobs")
                .split(body())
                    .filter(simple("${body.scheduleEnabled} == false"))
                        .log("Job ${body.name} (${body.id}) has its schedule disabled");

            from("direct:clone-job")        // header application: the new application's name
                .setHeader(VeeamEmConstants.JOB_ID, constant("Oracle Backup"))
                .setHeader(VeeamEmConstants.CLONE_JOB_NAME, simple("${header.application} Backup"))
                .setHeader(VeeamEmConstants.CLONE_FOLDER_NAME, simple("${header.application}"))
                .setHeader(VeeamEmConstants.CLONE_REPOSITORY_UID, constant("{{veeam.repositoryUid}}"))
                .to("veeam-em:cloneJob")
                .log("Clone task ${header.CamelVeeamEmTaskId}: ${body.result.message}");
            // end::jobs[]
            // CHECKSTYLE:ON
        }
    }

    static final class Tasks extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::tasks[]
            from("direct:add-vm")           // headers CamelVeeamEmJobId, CamelVeeamEmHierarchyObjRef, CamelVeeamEmObjectName
                .onException(VeeamEmTaskTimeoutException.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "${exception.message}")   // says whether cancelling worked
                .end()
                .to("veeam-em:addInclude?taskTimeout=5m&cancelTaskOnTimeout=true");

            from("direct:task")             // header CamelVeeamEmTaskId, for example task-1
                .to("veeam-em:getTask")
                .log("${body.taskId} (${body.operation}) is ${body.state}");
            // end::tasks[]
            // CHECKSTYLE:ON
        }
    }

    static final class Inventory extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::inventory[]
            from("timer:hierarchy-roots?repeatCount=1")
                .to("veeam-em:listHierarchyRoots")
                .split(body())
                    .log("${body.name}: hierarchyRootId ${body.id}");

            from("direct:find-vm")          // header CamelVeeamEmObjectName: the VM's name
                .setHeader(VeeamEmConstants.HIERARCHY_ROOT_ID, constant("{{veeam.vcenterId}}"))
                .to("veeam-em:lookup")
                .split(body())
                    .log("${body.objectName}: ${body.objectRef}");
            // end::inventory[]
            // CHECKSTYLE:ON
        }
    }

    static final class BackupSessionsList extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::backup-sessions-list[]
            from("timer:daily-report?period=86400000")
                .process(exchange -> exchange.getMessage().setHeader(VeeamEmConstants.CREATED_AFTER,
                        Instant.now().minus(Duration.ofDays(1)).toString()))
                .to("veeam-em:listBackupSessions?sessionResult=Failed,Warning")
                .split(body())
                    .log("${body.jobName}: ${body.result} at ${body.endTime} ${body.failureMessage}");
            // end::backup-sessions-list[]
            // CHECKSTYLE:ON
        }
    }

    static final class BackupSessionsConsumer extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::backup-sessions-consumer[]
            getContext().getRegistry().bind("sessionState",
                    new VeeamEmFileStateRepository(Path.of("data/veeam-em-positions")));

            from("veeam-em:backupSessions?initialLookback=24h&stateRepository=#sessionState")
                .log("${header.CamelVeeamEmJobName}: ${body.result} (session ${header.CamelVeeamEmBackupSessionId})");
            // end::backup-sessions-consumer[]
            // CHECKSTYLE:ON
        }
    }

    static final class AddVm extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::add-vm[]
            from("jms:queue:vm.provisioned")
                .setHeader(VeeamEmConstants.JOB_ID, header("backupJob"))
                .setHeader(VeeamEmConstants.OBJECT_NAME, header("vmName"))
                .setHeader(VeeamEmConstants.HIERARCHY_ROOT_ID, constant("{{veeam.vcenterId}}"))
                .to("veeam-em:addInclude?idempotent=true")
                .choice()
                    .when(header(VeeamEmConstants.ALREADY_DONE))
                        .log("${header.vmName} was already in ${header.backupJob}")
                    .otherwise()
                        .log("${header.vmName} added to ${header.backupJob}: ${body.result.message}");
            // end::add-vm[]
            // CHECKSTYLE:ON
        }
    }

    static final class RemoveVm extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::remove-vm[]
            from("jms:queue:vm.decommissioned")
                .setHeader(VeeamEmConstants.JOB_ID, header("backupJob"))
                .to("veeam-em:listIncludes")
                .split(body())
                    .filter(simple("${body.name} =~ ${header.vmName}"))
                        .setHeader(VeeamEmConstants.INCLUDE_ID, simple("${body.objectInJobId}"))
                        .to("veeam-em:removeInclude")
                        .log("${header.vmName} removed from ${header.backupJob}: ${body.result.message}");
            // end::remove-vm[]
            // CHECKSTYLE:ON
        }
    }

    static final class RestStartJob extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::rest-start-job[]
            rest("/backup-jobs")
                .post("/{job}/start").to("direct:start-job");

            from("direct:start-job")
                .setHeader(VeeamEmConstants.JOB_ID, header("job"))
                .to("veeam-em:startJob")
                .setBody(simple("${body.result.message}"));
            // end::rest-start-job[]
            // CHECKSTYLE:ON
        }
    }

    static final class AlertFailedSessions extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::alert-failed-sessions[]
            from("veeam-em:backupSessions?sessionResult=Failed&stateRepository=#sessionState")
                .setBody(simple("Backup job ${body.jobName} failed at ${body.endTime}: ${body.failureMessage}"))
                .to("{{alerts.uri}}");     // a mail, chat or JMS endpoint
            // end::alert-failed-sessions[]
            // CHECKSTYLE:ON
        }
    }

    static final class Replicas extends RouteBuilder {

        @Override
        public void configure() throws Exception {
            // CHECKSTYLE:OFF
            // tag::replicas[]
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot("/shared/cluster");                              // the same directory on every replica
            cluster.setAcquireLockInterval(2, TimeUnit.SECONDS);             // the same value on every replica
            cluster.setHeartbeatTimeoutMultiplier(3);
            getContext().addService(cluster);
            getContext().getRegistry().bind("sharedSessionState",
                    new VeeamEmFileStateRepository(Path.of("/shared/veeam-em-positions")));

            from("master:veeam-em-sessions:veeam-em:backupSessions?stateRepository=#sharedSessionState")
                .to("direct:finished-session");
            // end::replicas[]
            // CHECKSTYLE:ON
        }
    }

    static final class Kamelets extends RouteBuilder {

        @Override
        public void configure() {
            // CHECKSTYLE:OFF
            // tag::kamelets[]
            from("jms:queue:vm.decommissioned")          // headers jobId and includeId
                .to("kamelet:veeam-em-remove-include-action")
                .log("EM task ${header.CamelVeeamEmTaskId}: ${body.result.message}");

            from("kamelet:veeam-em-backup-session-source?sessionResult=Failed&jobName=RAW(Oracle Backup)")
                .log("Backup failed: ${body}");
            // end::kamelets[]
            // CHECKSTYLE:ON
        }
    }
}
