package dev.camelveeam.veeamem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateRepository} over a directory that several JVMs may share (a volume all replicas mount): one file per
 * key, named after the key's SHA-256. There is no cache: {@link #getState} reads the file every time, so a replica sees
 * what another one wrote as soon as it was written. {@link #setState} writes the value to a temporary file in the same
 * directory, forces it to disk and renames it over the key's file in one atomic step, so the file always holds a whole
 * value, the previous or the new one, even after a crash in the middle of a write.
 * <p>
 * Camel's own {@code FileStateRepository} suits one JVM: it reads its file once, when it starts, and answers from
 * memory after that.
 */
public class VeeamEmFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(VeeamEmFileStateRepository.class);
    private static final String SUFFIX = ".state";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Temporary files older than this are left over by a crash and removed when the repository starts. */
    private static final Duration STALE_TEMP = Duration.ofMinutes(10);

    private Path directory;

    public VeeamEmFileStateRepository() {
    }

    public VeeamEmFileStateRepository(Path directory) {
        this.directory = directory;
    }

    public Path getDirectory() {
        return directory;
    }

    /** The directory of the state files, created if missing. */
    public void setDirectory(Path directory) {
        this.directory = directory;
    }

    /** The directory as a path string, for bean configuration. */
    public void setDirectoryName(String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    protected void doStart() throws Exception {
        Objects.requireNonNull(directory, "VeeamEmFileStateRepository needs a directory");
        Files.createDirectories(directory);
        removeStaleTemporaryFiles();
    }

    @Override
    public String getState(String key) {
        Path file = fileOf(key);
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the state file " + file, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        Path file = fileOf(key);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // a unique name, created with the usual permissions (not createTempFile's owner-only ones), so that
            // replicas running as other users of the shared volume can read it
            temp = directory.resolve(file.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
            try (FileChannel channel
                    = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            beforeReplace(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("Cannot remove the temporary state file {}", temp, e);
                }
            }
        }
    }

    /** The file that holds the key's value. */
    public Path fileOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called with the complete, forced temporary file just before it replaces the key's file (a test seam). */
    protected void beforeReplace(Path temp) throws IOException {
    }

    /** Makes the rename durable where the platform allows a directory to be forced (it is best effort). */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("Cannot force the directory {}", directory, e);
        }
    }

    private void removeStaleTemporaryFiles() {
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, "*" + SUFFIX + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot remove stale temporary files in {}", directory, e);
        }
    }

    @Override
    public String toString() {
        return "VeeamEmFileStateRepository[" + directory + "]";
    }
}
