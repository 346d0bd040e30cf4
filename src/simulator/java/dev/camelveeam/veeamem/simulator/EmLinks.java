package dev.camelveeam.veeamem.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Absolute hrefs under the API root and the {@code Link}/{@code Ref} elements that every document uses. */
final class EmLinks {

    /** The one backup server behind the simulated EM; only named by {@code Up} links, not served. */
    static final String BACKUP_SERVER_ID = "5b1f0b6e-3f0c-4a63-9d52-7e8a3c9b2f41";
    static final String BACKUP_SERVER_NAME = "vbr01.lab.local";

    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-F]{2}");

    private final String api;

    /** @param api the absolute API root without trailing slash, e.g. {@code http://127.0.0.1:9399/api} */
    EmLinks(String api) {
        this.api = api;
    }

    /** @param path below the API root, starting with {@code /} */
    String href(String path) {
        return api + path;
    }

    /** A query-string value as .NET's {@code HttpUtility.UrlEncode} writes it: lower-case hex, {@code +} for space. */
    static String encode(String value) {
        Matcher escapes = ESCAPE.matcher(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return escapes.replaceAll(match -> match.group().toLowerCase(Locale.ROOT));
    }

    EmElement backupServerUp() {
        return link("Up", href("/backupServers/" + BACKUP_SERVER_ID), "BackupServerReference", BACKUP_SERVER_NAME);
    }

    static EmElement links(EmElement... links) {
        return links(List.of(links));
    }

    static EmElement links(List<EmElement> links) {
        return EmElement.of("Links").jsonArray().children(links);
    }

    static EmElement link(String rel, String href, String type, String name) {
        return EmElement.of("Link").attr("Rel", rel).attr("Href", href).attr("Name", name).attr("Type", type);
    }

    /** A {@code Ref} or {@code EntityRef}: JSON keys {@code Links, UID, Name, Href, Type} as EM writes them. */
    static EmElement reference(String element, String uid, String name, String href, String type, EmElement links) {
        return EmElement.of(element).child(links).attr("UID", uid).attr("Name", name).attr("Href", href).attr("Type", type);
    }

    /**
     * JSON order of an entity: its own members, then EntityType's {@code Name, UID}, then {@code Links, Href, Type}.
     */
    static List<String> entityJsonOrder(String... ownMembers) {
        List<String> order = new ArrayList<>(List.of(ownMembers));
        order.addAll(List.of("Name", "UID"));
        return order;
    }

    /** A list document or member such as {@code <Jobs><Job/>…</Jobs>}, JSON {@code {"Jobs":[…]}}. */
    static EmElement list(String element, String jsonKey, List<EmElement> items) {
        return EmElement.of(element).jsonWrappedArray(jsonKey).children(items);
    }
}
