package dev.camelveeam.veeamem;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The EM REST operations that a {@code veeam-em} producer can perform.
 */
public enum VeeamEmOperation {

    /** {@code DELETE /jobs/{jobId}/includes/{includeId}}: removes a VM or container from a job; answers with a Task. */
    removeInclude;

    /**
     * Parses an operation name as written in an endpoint URI or in the {@link VeeamEmConstants#OPERATION} header,
     * failing with a message that lists the supported names.
     */
    public static VeeamEmOperation fromName(String name, String source) {
        for (VeeamEmOperation operation : values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException(
                "Unknown veeam-em operation '" + name + "' in " + source + "; supported operations: " + supportedNames());
    }

    private static String supportedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
