package dev.camelveeam.veeamem.docs;

/**
 * Replaces the content between two marker comments of an AsciiDoc document, {@code // <region>: START} and
 * {@code // <region>: END}, each on a line of its own; everything outside the markers is kept as written.
 */
final class MarkedRegions {

    private MarkedRegions() {
    }

    static String replace(String document, String region, String content) {
        String start = "// " + region + ": START\n";
        String end = "// " + region + ": END\n";
        int startAt = indexOfOnly(document, start, region);
        int endAt = indexOfOnly(document, end, region);
        if (endAt < startAt) {
            throw new IllegalArgumentException("The END marker of '" + region + "' comes before its START marker");
        }
        return document.substring(0, startAt + start.length()) + content + document.substring(endAt);
    }

    /** The content between the markers of the region. */
    static String content(String document, String region) {
        String start = "// " + region + ": START\n";
        int from = indexOfOnly(document, start, region) + start.length();
        return document.substring(from, indexOfOnly(document, "// " + region + ": END\n", region));
    }

    private static int indexOfOnly(String document, String marker, String region) {
        int first = document.indexOf(marker);
        if (first < 0 || first > 0 && document.charAt(first - 1) != '\n') {
            throw new IllegalArgumentException("No line '" + marker.strip() + "' for the region '" + region + "'");
        }
        if (document.indexOf(marker, first + 1) >= 0) {
            throw new IllegalArgumentException("The line '" + marker.strip() + "' appears more than once");
        }
        return first;
    }
}
