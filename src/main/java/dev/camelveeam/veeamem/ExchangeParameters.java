package dev.camelveeam.veeamem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.camel.Message;

/**
 * Reads an operation's parameters from the message headers, falling back to the endpoint's options, and checks them
 * before any request is sent. Errors name both the header and the option.
 */
final class ExchangeParameters {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String JOB_URN_PREFIX = "urn:veeam:Job:";

    private final Message message;
    private final VeeamEmConfiguration configuration;

    ExchangeParameters(Message message, VeeamEmConfiguration configuration) {
        this.message = message;
        this.configuration = configuration;
    }

    VeeamEmOperation operation(VeeamEmOperation endpointOperation) {
        Object header = message.getHeader(VeeamEmConstants.OPERATION);
        if (header == null) {
            return endpointOperation;
        }
        if (header instanceof VeeamEmOperation operation) {
            return operation;
        }
        return VeeamEmOperation.fromName(header.toString(), "the header " + VeeamEmConstants.OPERATION);
    }

    /** The job id as a path segment: a GUID, also when given as urn:veeam:Job:GUID. */
    String jobIdSegment() {
        String jobId = required(VeeamEmConstants.JOB_ID, configuration.getJobId(), "jobId", "job id");
        String guid = jobId.regionMatches(true, 0, JOB_URN_PREFIX, 0, JOB_URN_PREFIX.length())
                ? jobId.substring(JOB_URN_PREFIX.length()) : jobId;
        return guid(guid, jobId, VeeamEmConstants.JOB_ID, "jobId", "a GUID or urn:veeam:Job:<GUID>");
    }

    /** The id of an object in a job (ObjectInJobId) as a path segment. */
    String includeIdSegment() {
        String includeId = required(VeeamEmConstants.INCLUDE_ID, configuration.getIncludeId(), "includeId",
                "include id");
        return guid(includeId, includeId, VeeamEmConstants.INCLUDE_ID, "includeId", "a GUID (the ObjectInJobId)");
    }

    private String required(String header, String option, String optionName, String what) {
        String value = message.getHeader(header, option, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "No " + what + " given: set the header " + header + " or the option " + optionName);
        }
        return value.trim();
    }

    private static String guid(String candidate, String given, String header, String optionName, String expected) {
        if (!GUID.matcher(candidate).matches()) {
            throw new IllegalArgumentException(
                    "The " + optionName + " '" + given + "' (header " + header + " or option " + optionName
                                               + ") is not valid: expected " + expected);
        }
        return URLEncoder.encode(candidate, StandardCharsets.UTF_8);
    }
}
