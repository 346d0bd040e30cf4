package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The outcome of an EM task ({@code TaskResultInfoType}): present once the task left the Running state.
 */
public class TaskResult {

    @JsonProperty("Success")
    @JacksonXmlProperty(isAttribute = true, localName = "Success")
    private boolean success;
    @JsonProperty("Message")
    @JacksonXmlProperty(localName = "Message")
    private String message;
    @JsonProperty("CredentialsNeeded")
    @JacksonXmlProperty(isAttribute = true, localName = "CredentialsNeeded")
    private boolean credentialsNeeded;
    @JsonProperty("ConfirmationNeeded")
    @JacksonXmlProperty(isAttribute = true, localName = "ConfirmationNeeded")
    private boolean confirmationNeeded;

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isCredentialsNeeded() {
        return credentialsNeeded;
    }

    public void setCredentialsNeeded(boolean credentialsNeeded) {
        this.credentialsNeeded = credentialsNeeded;
    }

    public boolean isConfirmationNeeded() {
        return confirmationNeeded;
    }

    public void setConfirmationNeeded(boolean confirmationNeeded) {
        this.confirmationNeeded = confirmationNeeded;
    }

    @Override
    public String toString() {
        return "TaskResult[success=" + success + ", message=" + message + "]";
    }
}
