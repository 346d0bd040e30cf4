package dev.camelveeam.veeamem.simulator.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.stream.Stream;

/**
 * Certificates for TLS tests against the simulator ({@code EmSimulator.withTls}), generated with the JDK's own
 * {@code keytool} into a temporary directory the first time any is asked for, once per JVM, and deleted when the JVM
 * exits (nothing binary is committed or shipped). Every file is PKCS12 with store and key password {@link #PASSWORD};
 * key entries have the alias {@value #KEY_ALIAS}. Keys are EC P-256, certificates valid from a day before generation
 * for three days. The first call takes a few seconds (keytool runs as separate processes); later ones load the files.
 * <p>
 * Typical use: the simulator presents {@link #serverKeyStore()} and the client trusts {@link #caTrustStore()} (or the
 * file {@link #caTrustStorePath()}, or {@link #caCertificatePemPath()} for curl's {@code --cacert}). The other key
 * stores are the usual failures: {@link #selfSignedServerKeyStore()} (what a fresh EM presents) and
 * {@link #wrongHostKeyStore()}. See the TLS section of {@code docs/simulator.md}.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";
    public static final String KEY_ALIAS = "server";
    public static final String CA_ALIAS = "ca";
    public static final String CA_DN = "CN=camel-veeam-em test CA";

    private static final String CA_KEYSTORE = "ca.p12";
    private static final String CA_PEM = "ca.pem";
    private static final String CA_TRUSTSTORE = "ca-truststore.p12";
    private static final String SERVER_KEYSTORE = "server.p12";
    private static final String WRONG_HOST_KEYSTORE = "wrong-host.p12";
    private static final String SELF_SIGNED_KEYSTORE = "self-signed.p12";
    private static final String LOCALHOST_SAN = "dns:localhost,ip:127.0.0.1";

    private TestCertificates() {
    }

    /** {@code CN=localhost}, SAN {@code dns:localhost,ip:127.0.0.1}, signed by the CA; chain: server, CA. */
    public static KeyStore serverKeyStore() {
        return load(SERVER_KEYSTORE);
    }

    /** {@code CN=localhost}, SAN {@code dns:localhost,ip:127.0.0.1}, self-signed (no CA trusts it). */
    public static KeyStore selfSignedServerKeyStore() {
        return load(SELF_SIGNED_KEYSTORE);
    }

    /**
     * {@code CN=not-localhost}, SAN {@code dns:not-localhost} only, signed by the CA: trusted, but for another host.
     */
    public static KeyStore wrongHostKeyStore() {
        return load(WRONG_HOST_KEYSTORE);
    }

    /** Only the CA certificate, as a trusted entry with alias {@value #CA_ALIAS}. */
    public static KeyStore caTrustStore() {
        return load(CA_TRUSTSTORE);
    }

    /**
     * The {@link #caTrustStore()} file (PKCS12, password {@link #PASSWORD}), e.g. for Camel's
     * {@code KeyStoreParameters}.
     */
    public static Path caTrustStorePath() {
        return Generated.DIRECTORY.resolve(CA_TRUSTSTORE);
    }

    /** The CA certificate as a PEM file, e.g. for {@code curl --cacert} or a non-Java client. */
    public static Path caCertificatePemPath() {
        return Generated.DIRECTORY.resolve(CA_PEM);
    }

    private static KeyStore load(String file) {
        try {
            return KeyStore.getInstance(Generated.DIRECTORY.resolve(file).toFile(), PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load " + file, e);
        }
    }

    /** Lazy holder: the JVM runs {@link #generate()} once, on first use. */
    private static final class Generated {

        static final Path DIRECTORY = generate();
    }

    private static Path generate() {
        try {
            Path directory = Files.createTempDirectory("camel-veeam-em-tls-");
            directory.toFile().deleteOnExit();
            Keytool keytool = new Keytool(directory);
            keytool.run(keyPair(CA_ALIAS, CA_DN, CA_KEYSTORE, "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign"));
            keytool.run(store(CA_KEYSTORE, "-exportcert", "-alias", CA_ALIAS, "-rfc", "-file", CA_PEM));
            // independent of each other: two at a time (processes) halve the wait
            Stream.<Runnable> of(
                    () -> keytool.run(store(CA_TRUSTSTORE, "-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", CA_PEM)),
                    () -> caSigned(keytool, directory, SERVER_KEYSTORE, "localhost", LOCALHOST_SAN),
                    () -> caSigned(keytool, directory, WRONG_HOST_KEYSTORE, "not-localhost", "dns:not-localhost"),
                    () -> keytool.run(keyPair(KEY_ALIAS, "CN=localhost", SELF_SIGNED_KEYSTORE,
                            "-ext", "san=" + LOCALHOST_SAN, "-ext", "eku=serverAuth")))
                    .parallel().forEach(Runnable::run);
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(file -> file.toFile().deleteOnExit()); // deleted in reverse order: files, then the directory
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate the test certificates", e);
        }
    }

    /**
     * A server key pair, a request for it, the CA's certificate for the request, imported with the CA's as its chain.
     */
    private static void caSigned(Keytool keytool, Path directory, String keyStore, String host, String san) {
        String csr = host + ".csr";
        String pem = host + ".pem";
        String chain = host + "-chain.pem";
        keytool.run(keyPair(KEY_ALIAS, "CN=" + host, keyStore));
        keytool.run(store(keyStore, "-certreq", "-alias", KEY_ALIAS, "-file", csr));
        keytool.run(store(CA_KEYSTORE, "-gencert", "-alias", CA_ALIAS, "-infile", csr, "-outfile", pem, "-rfc",
                "-ext", "san=" + san, "-ext", "eku=serverAuth", "-startdate", "-1d", "-validity", "3"));
        try {
            Files.writeString(directory.resolve(chain),
                    Files.readString(directory.resolve(pem)) + Files.readString(directory.resolve(CA_PEM)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keytool.run(store(keyStore, "-importcert", "-noprompt", "-alias", KEY_ALIAS, "-file", chain));
    }

    private static String[] keyPair(String alias, String dname, String keyStore, String... extensions) {
        return store(keyStore, Stream.concat(Stream.of("-genkeypair", "-alias", alias, "-dname", dname,
                "-keyalg", "EC", "-groupname", "secp256r1", "-startdate", "-1d", "-validity", "3"), Stream.of(extensions))
                .toArray(String[]::new));
    }

    /** {@code args} on this PKCS12 key store, opened (or created) with {@link #PASSWORD}. */
    private static String[] store(String keyStore, String... args) {
        return Stream.concat(Stream.of(args), Stream.of("-keystore", keyStore, "-storetype", "PKCS12", "-storepass", PASSWORD))
                .toArray(String[]::new);
    }
}
