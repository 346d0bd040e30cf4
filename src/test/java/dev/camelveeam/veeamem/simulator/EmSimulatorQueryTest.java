package dev.camelveeam.veeamem.simulator;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query service: filters, sorting, paging and both formats, over a fixed set of sessions. */
class EmSimulatorQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2025-08-15T00:00:00Z");
    private static final String QUOTED_NAME = "Say \"hi\", ok; (x)";

    private static EmSimulator sim;
    private static SimTestClient client;
    private static String token;
    private static SimJob beta;
    /** label → session id; labels: a1 a2 a3 (Alpha), b1 b2 b3 (Beta, b3 a retry), q1 (the quoted name). */
    private static final Map<String, String> SESSIONS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        sim = new EmSimulator().withSeedData(false).withTaskRunTime(Duration.ofMillis(10)).withTaskCollectTime(Duration.ZERO)
                .withBackupSessionRunTime(Duration.ofHours(1)).start();
        client = new SimTestClient(sim);
        token = client.logon();
        SimJob alpha = sim.addJob(UUID.randomUUID().toString(), "Alpha");
        beta = sim.addJob(UUID.randomUUID().toString(), "Beta");
        SimJob quoted = sim.addJob(UUID.randomUUID().toString(), QUOTED_NAME);
        session("a1", alpha, SimBackupSession.Result.Success, 1);
        session("a2", alpha, SimBackupSession.Result.Failed, 5);
        SESSIONS.put("a3", sim.addBackupSession(alpha.getId(), SimBackupSession.State.Working, SimBackupSession.Result.None,
                T0.plus(9, ChronoUnit.HOURS), null).getId());
        session("b1", beta, SimBackupSession.Result.Warning, 3);
        session("b2", beta, SimBackupSession.Result.Failed, 7);
        session("q1", quoted, SimBackupSession.Result.Success, 2);
        client.awaitTaskState(token, SimTestClient.taskId(client.post("/jobs/" + beta.getId() + "?action=retry", token)),
                "Finished");
        SimBackupSession retry = sim.getBackupSessions(beta.getId()).get(2);
        assertTrue(retry.isRetry());
        SESSIONS.put("b3", retry.getId());
        beta.setScheduleEnabled(false);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void refsByDefaultWithOnePageOfAHundred() {
        HttpResponse<String> answer = client.get("/query?type=BackupJobSession", token);
        assertEquals(200, answer.statusCode(), answer.body());
        XmlAnswer result = XmlAnswer.of(answer.body());
        assertEquals("QueryResult", result.rootName());
        assertEquals(List.of("Refs", "PagingInfo"), result.childNames("QueryResult"));
        assertEquals(7, result.attributes("Ref", "UID").size());
        assertEquals(List.of("1", "100", "1"), List.of(result.attributes("PagingInfo", "PageNum").get(0),
                result.attributes("PagingInfo", "PageSize").get(0), result.attributes("PagingInfo", "PagesCount").get(0)));
        List<String> pageLinks = result.attributes("Link", "Rel").subList(result.attributes("Link", "Rel").size() - 2,
                result.attributes("Link", "Rel").size());
        assertEquals(List.of("First", "Last"), pageLinks);
        assertTrue(
                answer.body()
                        .contains("<Link Rel=\"First\" Href=\"" + sim.getBaseUrl()
                                  + "/query?type=BackupJobSession&amp;pageSize=100&amp;page=1\"/>"),
                answer.body());
        assertEquals(result.attributes("Ref", "UID"),
                XmlAnswer.of(client.get("/query?type=backupjobsession&format=refs", token).body())
                        .attributes("Ref", "UID"),
                "type and format in any letter case");
    }

    @Test
    void entitiesInJsonFollowEmTwelvesShape() throws Exception {
        JsonNode result
                = JSON.readTree(client.get("/query?type=BackupJobSession&format=Entities", token, "application/json").body());
        assertEquals(List.of("Refs", "Entities", "Resources", "Links", "PagingInfo"), keys(result));
        assertTrue(result.get("Refs").isNull() && result.get("Resources").isNull() && result.get("Links").isNull());
        JsonNode entities = result.get("Entities");
        assertEquals(50, entities.size());
        assertEquals("Jobs", keys(entities).get(0));
        entities.properties()
                .forEach(member -> assertEquals(!member.getKey().equals("BackupJobSessions"), member.getValue().isNull(),
                        member.getKey()));
        JsonNode sessions = entities.get("BackupJobSessions").get("BackupJobSessions");
        assertEquals(7, sessions.size());
        assertEquals("IsRetry", keys(sessions.get(0)).get(0));
        assertEquals(List.of("Links", "PageNum", "PageSize", "PagesCount"), keys(result.get("PagingInfo")));
        assertEquals(100, result.get("PagingInfo").get("PageSize").intValue());

        XmlAnswer xml = XmlAnswer.of(client.get("/query?type=BackupJobSession&format=entities", token).body());
        assertEquals(List.of("Entities", "PagingInfo"), xml.childNames("QueryResult"));
        assertEquals(List.of("BackupJobSessions"), xml.childNames("Entities"));
        assertEquals(7, xml.attributes("BackupJobSession", "UID").size());
    }

    @Test
    void filtersCombineWithAndOrAndParentheses() {
        assertEquals(Set.of("a2"), found("JobName==\"Alpha\";Result==Failed"));
        assertEquals(Set.of("a2", "b1", "b2"), found("Result==Warning,Result==Failed"));
        assertEquals(Set.of("b1", "b2", "b3", "a1"), found("JobName==Beta,JobName==Alpha;Result==Success"),
                "; binds tighter than ,");
        assertEquals(Set.of("a1"), found("(JobName==Beta,JobName==Alpha);Result==Success"));
        assertEquals(Set.of("a1", "a2"), found(" ( JobName == Alpha ; ( Result == Success , Result == Failed ) ) "));
        assertEquals(Set.of("b1", "b2", "b3"), found("JobUid==\"urn:veeam:Job:" + beta.getId() + "\""));
        assertEquals(Set.of("a2"), found("UID==urn:veeam:BackupJobSession:" + SESSIONS.get("a2")));
        assertEquals(Set.of("a1", "a2", "a3", "b1", "b2", "b3", "q1"), found("JobType==backup"));
        assertEquals(Set.of("q1"), found("Name==\"" + QUOTED_NAME.replace("\"", "\"\"") + "@2025-08-15 02:00:00\""));
    }

    @Test
    void quotedValuesMayHoldQuotesCommasSemicolonsAndParentheses() {
        assertEquals(Set.of("q1"), found("JobName==\"Say \"\"hi\"\", ok; (x)\""));
        assertEquals(Set.of("a1", "a2", "a3", "b1", "b2", "b3"), found("JobName!=\"Say \"\"hi\"\", ok; (x)\""));
    }

    @Test
    void namesAndValuesCompareInAnyLetterCase() {
        assertEquals(Set.of("a2"), found("jobname==ALPHA;RESULT==failed"));
        assertEquals(Set.of("a3", "b3"), found("state==working"));
        assertEquals(Set.of("b3"), found("IsRetry==TRUE"));
        assertEquals(Set.of("a1", "a2", "a3", "b1", "b2", "q1"), found("isretry==false"));
    }

    @Test
    void datetimesCompareInUtc() {
        assertEquals(Set.of("b1", "a2"), found("CreationTime>=\"2025-08-15T03:00:00Z\";CreationTime<2025-08-15T07:00:00"));
        assertEquals(Set.of("b1", "a2"),
                found("creationtime>2025-08-15T04:30:00+02:00;CreationTime<=2025-08-15T05:00:00.000Z"));
        assertEquals(Set.of("b3"), found("CreationTime>2025-08-16"), "a bare date is its midnight UTC");
        assertEquals(Set.of("a1", "a2", "b1", "b2", "q1"), found("EndTime>=2025-08-15T00:00:00Z"),
                "running sessions have no end time");
        assertEquals(Set.of("a1", "a2", "a3", "b1", "b2", "b3", "q1"), found("EndTime!=2020-01-01T00:00:00Z"));
    }

    @Test
    void resultsCompareByEnumIndexNoneSuccessWarningFailed() {
        assertEquals(Set.of("a2", "b1", "b2"), found("Result>Success"));
        assertEquals(Set.of("a2", "b2"), found("Result>=Failed"));
        assertEquals(Set.of("a1", "a3", "b3", "q1"), found("Result<=Success"));
        assertEquals(Set.of("a3", "b3"), found("Result<Success"));
        assertEquals(Set.of("a1", "a3", "b1", "b3", "q1"), found("Result<Failed;Result!=Failed"));
    }

    @Test
    void sortAscOrDescByAnyPropertyAndOtherwiseTheUnsortedIdOrder() {
        assertEquals(List.of("a1", "q1", "b1", "a2", "b2", "a3", "b3"), ordered("sortAsc=CreationTime"));
        assertEquals(List.of("b3", "a3", "b2", "a2", "b1", "q1", "a1"), ordered("sortDesc=creationtime"));
        assertEquals(Set.of("a3", "b3"), new HashSet<>(ordered("sortAsc=EndTime").subList(0, 2)), "no end time sorts first");
        assertEquals(List.of("b1"), ordered("sortDesc=Result&filter=Result%3e%3dWarning").subList(2, 3),
                "Failed before Warning");
        List<String> unsorted = ordered("");
        assertEquals(SESSIONS.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList(),
                unsorted);
        assertNotEquals(ordered("sortAsc=CreationTime"), unsorted, "EM's unsorted answers are not in time order");
    }

    @Test
    void badQueriesAre400NamingTheProblem() throws Exception {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("type=Nope", "Unknown query type [Nope]");
        problems.put("format=Entities", "Query type is not specified");
        problems.put("type=BackupJobSession&format=Entity", "Unknown format [Entity]");
        problems.put("type=BackupJobSession&sortAsc=Colour", "Unknown sort property [Colour]");
        problems.put("type=BackupJobSession&sortAsc=Name&sortDesc=Name", "either sortAsc or sortDesc");
        problems.put("type=BackupJobSession&pageSize=0", "Invalid pageSize [0]");
        problems.put("type=BackupJobSession&page=two", "Invalid page [two]");
        problems.put(filter("Result=Failed"), "expected one of == != >= <= > < after 'Result' at position 7");
        problems.put(filter("Colour==red"), "unknown property 'Colour' of BackupJobSession");
        problems.put(filter("Result==Bogus"),
                "invalid value 'Bogus' for Result: expected one of [None, Success, Warning, Failed]");
        problems.put(filter("CreationTime>=yesterday"),
                "invalid value 'yesterday' for CreationTime: expected an ISO-8601 UTC datetime");
        problems.put(filter("IsRetry==maybe"), "invalid value 'maybe' for IsRetry: expected true or false");
        problems.put(filter("JobName==\"Alpha"), "unterminated quoted value at position 10");
        problems.put(filter("(JobName==Alpha"), "expected ')'");
        problems.put(filter("JobName==Alpha)"), "unexpected ')' at position 15");
        problems.put(filter("JobName=="), "expected a value");
        problems.put(filter("JobName==Alpha;"), "expected a property name at position 16");
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            String params
                    = problem.getKey().startsWith("filter=") ? "type=BackupJobSession&" + problem.getKey() : problem.getKey();
            HttpResponse<String> answer = client.get("/query?" + params, token, "application/json");
            assertEquals(400, answer.statusCode(), problem.getKey() + " -> " + answer.body());
            String message = JSON.readTree(answer.body()).get("Message").textValue();
            assertTrue(message.contains(problem.getValue()), problem.getKey() + " -> " + message);
        }
    }

    @Test
    void jobsAreQueryableToo() throws Exception {
        XmlAnswer refs = XmlAnswer.of(client.get("/query?type=job&" + filter("ScheduleEnabled==false"), token).body());
        assertEquals(List.of("urn:veeam:Job:" + beta.getId()), refs.attributes("Ref", "UID"));
        assertEquals(List.of("JobReference"), refs.attributes("Ref", "Type"));
        JsonNode entities
                = JSON.readTree(client.get("/query?type=Job&format=Entities&sortDesc=Name", token, "application/json").body());
        JsonNode jobs = entities.get("Entities").get("Jobs").get("Jobs");
        assertEquals(List.of(QUOTED_NAME, "Beta", "Alpha"),
                List.of(jobs.get(0).get("Name").textValue(), jobs.get(1).get("Name").textValue(),
                        jobs.get(2).get("Name").textValue()));
        assertTrue(entities.get("Entities").get("BackupJobSessions").isNull());
    }

    @Test
    void em13CasingAppliesToQueryResults() throws Exception {
        try (EmSimulator own = new EmSimulator().withJsonCasing(EmSimulator.JsonCasing.EM13).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            JsonNode result = JSON.readTree(
                    ownClient.get("/query?type=BackupJobSession&format=Entities", ownClient.logon(), "application/json")
                            .body());
            assertEquals(List.of("refs", "entities", "resources", "links", "pagingInfo"), keys(result));
            assertEquals(3, result.get("entities").get("backupJobSessions").get("backupJobSessions").size());
            assertTrue(result.get("entities").has("vAppRestorePoints") && result.get("entities").has("nasJobs"));
            assertEquals(List.of("links", "pageNum", "pageSize", "pagesCount"), keys(result.get("pagingInfo")));
        }
    }

    @Test
    void pagesOfTheDefaultHundredWithLinksToEveryNeighbour() {
        try (EmSimulator own = new EmSimulator().withSeedData(false).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            SimJob job = own.addJob(UUID.randomUUID().toString(), "Many");
            List<String> byTime = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                Instant created = T0.plus(i, ChronoUnit.MINUTES);
                byTime.add("urn:veeam:BackupJobSession:" + own.addBackupSession(job.getId(), SimBackupSession.State.Stopped,
                        SimBackupSession.Result.Success, created, created.plusSeconds(30)).getId());
            }
            String query = "/query?type=BackupJobSession&" + filter("JobName==\"Many\";CreationTime>=\"2025-08-15T00:00:00Z\"")
                           + "&sortAsc=CreationTime";
            String encodedQuery
                    = "/query?type=BackupJobSession&filter=JobName%3d%3d%22Many%22%3bCreationTime%3e%3d%222025-08-15T00%3a00%3a00Z%22"
                      + "&sortAsc=CreationTime";

            XmlAnswer first = XmlAnswer.of(ownClient.get(query, ownToken).body());
            assertEquals(List.of("1", "100", "3"), paging(first));
            assertEquals(byTime.subList(0, 100), first.attributes("Ref", "UID"));
            assertEquals(Map.of("First", "1", "Next", "2", "Last", "3"), pageLinks(first, own.getBaseUrl() + encodedQuery));

            XmlAnswer second = XmlAnswer.of(ownClient.get(pageLinkHref(first, "Next", own), ownToken).body());
            assertEquals(List.of("2", "100", "3"), paging(second));
            assertEquals(byTime.subList(100, 200), second.attributes("Ref", "UID"));
            assertEquals(Map.of("First", "1", "Previous", "1", "Next", "3", "Last", "3"),
                    pageLinks(second, own.getBaseUrl() + encodedQuery));

            XmlAnswer third = XmlAnswer.of(ownClient.get(pageLinkHref(second, "Next", own), ownToken).body());
            assertEquals(byTime.subList(200, 250), third.attributes("Ref", "UID"));
            assertEquals(Map.of("First", "1", "Previous", "2", "Last", "3"), pageLinks(third, own.getBaseUrl() + encodedQuery));

            XmlAnswer sized = XmlAnswer.of(
                    ownClient.get("/query?type=BackupJobSession&pageSize=120&page=3&sortAsc=CreationTime", ownToken).body());
            assertEquals(List.of("3", "120", "3"), paging(sized));
            assertEquals(byTime.subList(240, 250), sized.attributes("Ref", "UID"));
            assertTrue(sized.attributes("Link", "Href").contains(own.getBaseUrl()
                                                                 + "/query?type=BackupJobSession&pageSize=120&page=2&sortAsc=CreationTime"),
                    sized.attributes("Link", "Href").toString());

            XmlAnswer beyond = XmlAnswer.of(ownClient.get("/query?type=BackupJobSession&page=9", ownToken).body());
            assertEquals(List.of("9", "100", "3"), paging(beyond));
            assertEquals(List.of(), beyond.attributes("Ref", "UID"));
            assertEquals(List.of("First", "Last"), beyond.attributes("Link", "Rel"));

            XmlAnswer none
                    = XmlAnswer.of(ownClient.get("/query?type=BackupJobSession&" + filter("JobName==Nobody"), ownToken).body());
            assertEquals(List.of("1", "100", "1"), paging(none));
        }
    }

    // --- helpers

    private static void session(String label, SimJob job, SimBackupSession.Result result, int hour) {
        Instant created = T0.plus(hour, ChronoUnit.HOURS);
        SESSIONS.put(label, sim.addBackupSession(job.getId(), SimBackupSession.State.Stopped, result, created, created.plus(10,
                ChronoUnit.MINUTES)).getId());
    }

    private static String filter(String filter) {
        return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** The labels of the sessions the filter matches. */
    private static Set<String> found(String filter) {
        return new HashSet<>(labels("/query?type=BackupJobSession&" + filter(filter)));
    }

    private static List<String> ordered(String params) {
        return labels("/query?type=BackupJobSession&" + params);
    }

    private static List<String> labels(String path) {
        HttpResponse<String> answer = client.get(path, token);
        assertEquals(200, answer.statusCode(), path + " -> " + answer.body());
        return XmlAnswer.of(answer.body()).attributes("Ref", "UID").stream()
                .map(uid -> uid.substring(uid.lastIndexOf(':') + 1))
                .map(id -> SESSIONS.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey())
                .toList();
    }

    private static List<String> paging(XmlAnswer result) {
        return List.of(result.attributes("PagingInfo", "PageNum").get(0), result.attributes("PagingInfo", "PageSize").get(0),
                result.attributes("PagingInfo", "PagesCount").get(0));
    }

    /** Rel → page number of the paging links, checking each href repeats the query with {@code pageSize=100&page=N}. */
    private static Map<String, String> pageLinks(XmlAnswer result, String queryHref) {
        List<String> rels = result.attributes("Link", "Rel");
        List<String> hrefs = result.attributes("Link", "Href");
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < rels.size(); i++) {
            if (List.of("First", "Previous", "Next", "Last").contains(rels.get(i))) {
                String page = hrefs.get(i).substring(hrefs.get(i).lastIndexOf('=') + 1);
                assertEquals(queryHref + "&pageSize=100&page=" + page, hrefs.get(i));
                pages.put(rels.get(i), page);
            }
        }
        return pages;
    }

    private static String pageLinkHref(XmlAnswer result, String rel, EmSimulator target) {
        int index = result.attributes("Link", "Rel").indexOf(rel);
        return result.attributes("Link", "Href").get(index).substring(target.getBaseUrl().length());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
