package dev.camelveeam.veeamem.simulator.tls;

import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCertificatesTest {

    @Test
    void caTrustStoreHoldsOnlyTheSelfSignedCaCertificate() throws Exception {
        KeyStore trustStore = TestCertificates.caTrustStore();

        assertEquals(List.of(TestCertificates.CA_ALIAS), Collections.list(trustStore.aliases()));
        assertTrue(trustStore.isCertificateEntry(TestCertificates.CA_ALIAS));
        X509Certificate ca = ca();
        assertEquals(TestCertificates.CA_DN, ca.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertDoesNotThrow(() -> ca.verify(ca.getPublicKey()));
        assertTrue(ca.getBasicConstraints() >= 0, "the CA certificate must be a CA");
    }

    @Test
    void caTrustStorePathOpensWithThePassword() throws Exception {
        KeyStore fromFile
                = KeyStore.getInstance(TestCertificates.caTrustStorePath().toFile(), TestCertificates.PASSWORD.toCharArray());

        assertEquals(ca(), fromFile.getCertificate(TestCertificates.CA_ALIAS));
    }

    @Test
    void serverCertificateIsForLocalhostAndChainsToTheCa() throws Exception {
        KeyStore keyStore = TestCertificates.serverKeyStore();
        Certificate[] chain = keyStore.getCertificateChain(TestCertificates.KEY_ALIAS);

        assertEquals(List.of(TestCertificates.KEY_ALIAS), Collections.list(keyStore.aliases()));
        assertTrue(keyStore.isKeyEntry(TestCertificates.KEY_ALIAS));
        assertEquals(2, chain.length);
        X509Certificate server = (X509Certificate) chain[0];
        assertEquals("CN=localhost", server.getSubjectX500Principal().getName());
        assertEquals(ca(), chain[1]);
        assertEquals(Set.of("2:localhost", "7:127.0.0.1"), subjectAltNames(server));
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertDoesNotThrow(() -> validate(chain));
    }

    @Test
    void wrongHostCertificateIsSignedByTheCaForAnotherHost() throws Exception {
        Certificate[] chain = TestCertificates.wrongHostKeyStore().getCertificateChain(TestCertificates.KEY_ALIAS);

        X509Certificate server = (X509Certificate) chain[0];
        assertEquals("CN=not-localhost", server.getSubjectX500Principal().getName());
        assertEquals(Set.of("2:not-localhost"), subjectAltNames(server));
        assertDoesNotThrow(() -> validate(chain));
    }

    @Test
    void selfSignedCertificateIsForLocalhostButNotTrustedByTheCa() throws Exception {
        Certificate[] chain = TestCertificates.selfSignedServerKeyStore().getCertificateChain(TestCertificates.KEY_ALIAS);

        assertEquals(1, chain.length);
        X509Certificate server = (X509Certificate) chain[0];
        assertEquals("CN=localhost", server.getSubjectX500Principal().getName());
        assertEquals(server.getSubjectX500Principal(), server.getIssuerX500Principal());
        assertDoesNotThrow(() -> server.verify(server.getPublicKey()));
        assertEquals(Set.of("2:localhost", "7:127.0.0.1"), subjectAltNames(server));
        assertFalse(server.getPublicKey().equals(ca().getPublicKey()));
        assertThrows(Exception.class, () -> validate(chain));
    }

    @Test
    void keyStoresAreFreshCopies() {
        assertFalse(TestCertificates.serverKeyStore() == TestCertificates.serverKeyStore());
    }

    private static X509Certificate ca() throws Exception {
        return (X509Certificate) TestCertificates.caTrustStore().getCertificate(TestCertificates.CA_ALIAS);
    }

    /** PKIX path validation against the CA alone (no revocation: the test CA publishes none). */
    private static void validate(Certificate[] chain) throws Exception {
        X509Certificate ca = ca();
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        List<Certificate> path = Arrays.stream(chain).filter(c -> !c.equals(ca)).toList(); // a path leaves out its anchor
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
                parameters);
    }

    /** {@code <type>:<value>}: type 2 is a DNS name, 7 an IP address. */
    private static Set<String> subjectAltNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream()
                .map(name -> name.get(0) + ":" + name.get(1))
                .collect(Collectors.toSet());
    }
}
