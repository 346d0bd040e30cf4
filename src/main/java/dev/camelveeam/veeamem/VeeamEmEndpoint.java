package dev.camelveeam.veeamem;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Drive Veeam Backup Enterprise Manager through its REST API: one exchange logs on (once per server and user), sends
 * the request and waits, without holding a thread, for the EM task it started to finish.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "veeam-em", title = "Veeam Backup Enterprise Manager",
             syntax = "veeam-em:operation", producerOnly = true, category = { Category.CLOUD, Category.MANAGEMENT },
             headersClass = VeeamEmConstants.class)
public class VeeamEmEndpoint extends DefaultEndpoint {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private VeeamEmOperation operation;
    @UriParam
    private VeeamEmConfiguration configuration;

    public VeeamEmEndpoint(String uri, VeeamEmComponent component, VeeamEmOperation operation,
                           VeeamEmConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public VeeamEmComponent getComponent() {
        return (VeeamEmComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new VeeamEmProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The veeam-em component has no consumer; use it in to()");
    }

    public VeeamEmOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform.
     */
    public void setOperation(VeeamEmOperation operation) {
        this.operation = operation;
    }

    public VeeamEmConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     */
    public void setConfiguration(VeeamEmConfiguration configuration) {
        this.configuration = configuration;
    }
}
