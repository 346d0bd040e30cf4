package dev.camelveeam.veeamem.internal;

/** Inputs quoted in error messages, cut to a readable length. */
public final class Echo {

    /** How much of an input a message quotes. */
    public static final int MAX_QUOTED = 100;

    private Echo() {
    }

    /** The value, or its first {@value #MAX_QUOTED} characters followed by "…" and its length. */
    public static String quote(String value) {
        return quote(value, MAX_QUOTED);
    }

    /** The value, or its first {@code max} characters followed by "…" and its length. */
    public static String quote(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + "… (" + value.length() + " characters)";
    }
}
