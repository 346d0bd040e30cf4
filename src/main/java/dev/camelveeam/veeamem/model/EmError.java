package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The {@code Error} body EM sends with a 4xx or 5xx answer.
 */
@JacksonXmlRootElement(localName = "Error")
public class EmError {

    @JsonProperty("Message")
    @JacksonXmlProperty(isAttribute = true, localName = "Message")
    private String message;
    @JsonProperty("StatusCode")
    @JacksonXmlProperty(isAttribute = true, localName = "StatusCode")
    private Integer statusCode;
    @JsonProperty("FirstChanceExceptionMessage")
    private String firstChanceExceptionMessage;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(Integer statusCode) {
        this.statusCode = statusCode;
    }

    public String getFirstChanceExceptionMessage() {
        return firstChanceExceptionMessage;
    }

    public void setFirstChanceExceptionMessage(String firstChanceExceptionMessage) {
        this.firstChanceExceptionMessage = firstChanceExceptionMessage;
    }
}
