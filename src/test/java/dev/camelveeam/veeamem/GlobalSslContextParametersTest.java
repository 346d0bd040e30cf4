package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * useGlobalSslContextParameters (Camel's SSLContextParametersAware convention): with it, endpoints without
 * sslContextParameters of their own trust what the CamelContext's SSL context parameters trust; without it they ignore
 * them.
 */
class GlobalSslContextParametersTest extends VeeamEmTestSupport {

    @BeforeEach
    void startHttps() {
        sim = newSimulator().withTls(TestCertificates.serverKeyStore(), TestCertificates.PASSWORD.toCharArray()).start();
        reseed(sim);
        context.setSSLContextParameters(trustingTheTestCa());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private static SSLContextParameters trustingTheTestCa() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + TestCertificates.caTrustStorePath());
        trustStore.setPassword(TestCertificates.PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private Exchange remove() {
        return removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                             + SEED_ORACLE01_INCLUDE_ID);
    }

    @Test
    void theGlobalParametersAreUsedWhenEnabled() {
        VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
        component.setUseGlobalSslContextParameters(true);

        assertFinishedTask(remove(), true, "Ok");
        assertTrue(sim.getBaseUrl().startsWith("https://"));
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/.*").size());
    }

    @Test
    void theGlobalParametersAreIgnoredByDefault() {
        assertTrue(!context.getComponent("veeam-em", VeeamEmComponent.class).isUseGlobalSslContextParameters());

        Exception failure = remove().getException();

        assertInstanceOf(VeeamEmLogonException.class, failure);
        assertTrue(failure.getMessage().contains("TLS handshake with EM at " + sim.getBaseUrl() + " failed"),
                failure.getMessage());
        assertTrue(sim.getRequests().isEmpty());
    }

    @Test
    void anEndpointsOwnParametersWinOverTheGlobalOnes() {
        context.getComponent("veeam-em", VeeamEmComponent.class).setUseGlobalSslContextParameters(true);
        context.getRegistry().bind("trustsNothingUseful", new SSLContextParameters());

        Exception failure = removeInclude(uri("removeInclude") + "&sslContextParameters=#trustsNothingUseful&jobId="
                                          + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID)
                .getException();

        assertInstanceOf(VeeamEmLogonException.class, failure, "the JVM's trust store does not know the test CA");
    }
}
