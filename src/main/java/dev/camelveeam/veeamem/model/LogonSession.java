package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The {@code LogonSession} EM answers a logon with. The session token itself travels in the {@code X-RestSvcSessionId}
 * header, never in this body.
 */
@JacksonXmlRootElement(localName = "LogonSession")
public class LogonSession {

    @JsonProperty("UserName")
    private String userName;
    @JsonProperty("SessionId")
    private String sessionId;

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }
}
