package dev.camelveeam.veeamem.simulator;

/** When {@link SimFaults#dropNext(int, RequestMatcher, Drop)} closes the connection. */
public enum Drop {
    /** Before routing: the resource never sees the request, nothing changes. */
    BEFORE_HANDLING,
    /** After the resource has handled the request (its effect applied, e.g. a task created), instead of answering. */
    AFTER_HANDLING
}
