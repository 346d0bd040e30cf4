package dev.camelveeam.veeamem;

import org.apache.camel.spi.Metadata;

/**
 * Names of the Camel message headers that the {@code veeam-em} component reads and writes.
 */
public final class VeeamEmConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the operation of the endpoint URI.",
              javaType = "dev.camelveeam.veeamem.VeeamEmOperation")
    public static final String OPERATION = "CamelVeeamEmOperation";

    @Metadata(label = "producer", description = "The id of the job (a GUID, or urn:veeam:Job: followed by the GUID); overrides the jobId option.",
              javaType = "String")
    public static final String JOB_ID = "CamelVeeamEmJobId";

    @Metadata(label = "producer", description = "The id of the object in the job (ObjectInJobId); overrides the includeId option.",
              javaType = "String")
    public static final String INCLUDE_ID = "CamelVeeamEmIncludeId";

    @Metadata(label = "producer", description = "The id of the EM task that carried out the operation (for example task-1).",
              javaType = "String")
    public static final String TASK_ID = "CamelVeeamEmTaskId";

    @Metadata(label = "producer", description = "The last known state of the EM task: Running, OperationFinished or Finished.",
              javaType = "String")
    public static final String TASK_STATE = "CamelVeeamEmTaskState";

    private VeeamEmConstants() {
    }
}
