package dev.camelveeam.veeamem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared state repositories: what one instance writes, another (another replica) reads at once; a write is whole or
 * not at all.
 */
class StateRepositoriesTest {

    private static final String KEY = "veeam-em:backupSessions|http://em:9399/api|svc-camel||";

    @TempDir
    Path dir;

    private static VeeamEmFileStateRepository started(VeeamEmFileStateRepository repository) {
        repository.start();
        return repository;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void fileRepositoryReadsThroughToTheSharedFile() {
        VeeamEmFileStateRepository first = started(new VeeamEmFileStateRepository(dir));
        VeeamEmFileStateRepository second = started(new VeeamEmFileStateRepository(dir));

        assertNull(second.getState(KEY), "no position yet");
        first.setState(KEY, "one");
        assertEquals("one", second.getState(KEY), "another instance sees the write at once");
        first.setState(KEY, "two");
        assertEquals("two", second.getState(KEY), "and every later one: no cache");
        second.setState("other", "x");
        assertEquals("two", first.getState(KEY));
        assertEquals("x", first.getState("other"), "one file per key");
        first.stop();
        second.stop();
    }

    @Test
    void fileRepositoryNeverReplacesThePositionWithAPartialWrite() throws IOException {
        VeeamEmFileStateRepository repository = started(new VeeamEmFileStateRepository(dir));
        repository.setState(KEY, "whole position");
        VeeamEmFileStateRepository crashing = started(new VeeamEmFileStateRepository(dir) {
            @Override
            protected void beforeReplace(Path temp) throws IOException {
                throw new IOException("disk gone before the rename");
            }
        });

        assertThrows(UncheckedIOException.class, () -> crashing.setState(KEY, "new position"));
        assertEquals("whole position", repository.getState(KEY), "the failed write left the previous position");
        assertEquals(List.of(repository.fileOf(KEY)), files(), "and no temporary file");

        // a crash in the middle of writing leaves a partial temporary file: it is never read as the position
        Path partial = dir.resolve(repository.fileOf(KEY).getFileName() + ".123.tmp");
        Files.write(partial, "{\"watermark\":\"2026-".getBytes(StandardCharsets.UTF_8));
        assertEquals("whole position", repository.getState(KEY));
        repository.setState(KEY, "next position");
        assertEquals("next position", repository.getState(KEY));

        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minusSeconds(3600)));
        started(new VeeamEmFileStateRepository(dir));
        assertEquals(List.of(repository.fileOf(KEY)), files(), "a stale temporary file is removed at start");
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static int rows(JdbcDataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getInt(1);
        }
    }

    @Test
    void jdbcRepositoryCreatesItsTableAndReadsThrough() throws Exception {
        JdbcDataSource dataSource = h2("readthrough");
        VeeamEmJdbcStateRepository first = new VeeamEmJdbcStateRepository(dataSource);
        first.start();
        VeeamEmJdbcStateRepository second = new VeeamEmJdbcStateRepository(dataSource);
        second.start();  // the table exists: nothing to do

        assertNull(second.getState(KEY));
        first.setState(KEY, "one");
        assertEquals("one", second.getState(KEY), "another instance sees the write at once");
        second.setState(KEY, "two");
        assertEquals("two", first.getState(KEY), "an update, in place");
        assertEquals(1, rows(dataSource, "VEEAM_EM_STATE"));
        first.stop();
        second.stop();
    }

    @Test
    void jdbcRepositoryKeepsThePreviousValueWhenAWriteFails() throws Exception {
        JdbcDataSource dataSource = h2("atomic");
        VeeamEmJdbcStateRepository repository = new VeeamEmJdbcStateRepository(dataSource);
        repository.setTableName("SHORT_STATE");
        repository.setValueColumnType("VARCHAR(20)");
        repository.start();
        repository.setState(KEY, "whole position");

        assertThrows(VeeamEmException.class, () -> repository.setState(KEY, "a position too long for its column"));
        assertEquals("whole position", repository.getState(KEY));
        assertEquals(1, rows(dataSource, "SHORT_STATE"));
    }

    @Test
    void jdbcRepositoryTakesConcurrentFirstWritesOfOneKey() throws Exception {
        JdbcDataSource dataSource = h2("concurrent");
        VeeamEmJdbcStateRepository repository = new VeeamEmJdbcStateRepository(dataSource);
        repository.start();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String value = "v" + i;
                writes.add(writers.submit(() -> repository.setState(KEY, value)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        assertEquals(1, rows(dataSource, "VEEAM_EM_STATE"));
        assertTrue(repository.getState(KEY).startsWith("v"));
    }

    @Test
    void jdbcRepositoryRefusesATableNameThatIsNotAnIdentifier() {
        VeeamEmJdbcStateRepository repository = new VeeamEmJdbcStateRepository(h2("names"));
        repository.setTableName("STATE; DROP TABLE X");
        assertThrows(IllegalArgumentException.class, repository::start);
    }
}
