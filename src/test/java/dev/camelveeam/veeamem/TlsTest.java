package dev.camelveeam.veeamem;

import java.security.KeyStore;

import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS: certificates and host names are verified by default; sslContextParameters trusts a given CA;
 * trustAllCertificates turns verification off and says so in a WARN each time an endpoint starts.
 */
class TlsTest extends VeeamEmTestSupport {

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + TestCertificates.caTrustStorePath());
        trustStore.setPassword(TestCertificates.PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters emCa = new SSLContextParameters();
        emCa.setTrustManagers(trustManagers);
        registry.bind("emCa", emCa);
    }

    private void startHttps(KeyStore serverCertificate) {
        sim = newSimulator().withTls(serverCertificate, TestCertificates.PASSWORD.toCharArray()).start();
        reseed(sim);
    }

    private Exchange remove(String tlsOptions) {
        return removeInclude(uri("removeInclude") + tlsOptions + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                             + SEED_ORACLE01_INCLUDE_ID);
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() {
        startHttps(TestCertificates.serverKeyStore());

        Exception failure = remove("").getException();

        assertRefusedBeforeAnyRequest(failure);
        assertTrue(failure.getMessage().contains("sslContextParameters"), failure.getMessage());
    }

    @Test
    void sslContextParametersTrustTheGivenCa() {
        startHttps(TestCertificates.serverKeyStore());

        assertFinishedTask(remove("&sslContextParameters=#emCa"), true, "Ok");

        assertTrue(sim.getBaseUrl().startsWith("https://localhost:"));
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/.*").size());
    }

    @Test
    void theHostNameIsVerifiedEvenWithATrustedCa() {
        startHttps(TestCertificates.wrongHostKeyStore());

        assertRefusedBeforeAnyRequest(remove("&sslContextParameters=#emCa").getException());
    }

    /** A refused certificate fails the logon's connection, so nothing (not even the logon) reaches EM. */
    private static void assertRefusedBeforeAnyRequest(Exception failure) {
        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure);
        VeeamEmTransportException refused = assertInstanceOf(VeeamEmTransportException.class, logon.getCause());
        assertTrue(logon.getMessage().contains("TLS handshake with EM at " + sim.getBaseUrl() + " failed"),
                logon.getMessage());
        assertTrue(logon.getMessage().contains("the operation was not sent"), logon.getMessage());
        assertFalse(refused.isRequestSent(), "a refused certificate means the request never left");
        assertTrue(sim.getRequests().isEmpty());
    }

    @Test
    void trustAllCertificatesAcceptsASelfSignedCertificateAndWarns() throws Exception {
        startHttps(TestCertificates.selfSignedServerKeyStore());

        try (LogCapture logs = LogCapture.attach()) {
            assertFinishedTask(remove("&trustAllCertificates=true"), true, "Ok");
            assertEquals(202, sim.getRequests("DELETE", "/api/jobs/.*").get(0).status(), "the operation went over TLS");

            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("trusts ALL certificates and host names of EM")),
                    "a WARN says verification is off");
        }
    }

    @Test
    void trustAllCertificatesAcceptsAnyHostName() {
        startHttps(TestCertificates.wrongHostKeyStore());

        assertFinishedTask(remove("&trustAllCertificates=true"), true, "Ok");
        assertEquals(202, sim.getRequests("DELETE", "/api/jobs/.*").get(0).status());
    }

    @Test
    void aSelfSignedCertificateIsRefusedEvenWithTheCa() {
        startHttps(TestCertificates.selfSignedServerKeyStore());

        assertRefusedBeforeAnyRequest(remove("&sslContextParameters=#emCa").getException());
    }
}
