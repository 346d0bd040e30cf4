package dev.camelveeam.veeamem;

/**
 * The representation exchanged with EM. EM answers in XML unless the client asks for JSON.
 */
public enum VeeamEmFormat {
    xml("application/xml"),
    json("application/json");

    private final String mediaType;

    VeeamEmFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getMediaType() {
        return mediaType;
    }
}
