package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of {@code POST /vmRestorePoints/{id}?action=restore} for a VMware or Hyper-V VM: an entire-VM restore to its
 * original location (EM offers no other location for these platforms).
 */
@JacksonXmlRootElement(localName = "RestoreSpec")
public class RestoreSpec {

    @JsonProperty("VmRestoreSpec")
    private final VmRestoreSpec vmRestoreSpec;

    public RestoreSpec(boolean powerOnAfterRestore, boolean quickRollback, Boolean keepOriginalVm) {
        this.vmRestoreSpec = new VmRestoreSpec(powerOnAfterRestore, quickRollback, keepOriginalVm);
    }

    public VmRestoreSpec getVmRestoreSpec() {
        return vmRestoreSpec;
    }

    /** The XSD sequence of {@code VmRestoreSpecInfoType}; {@code KeepOriginalVM} (EM 13) only when given. */
    @JsonPropertyOrder({ "PowerOnAfterRestore", "QuickRollback", "KeepOriginalVM" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class VmRestoreSpec {

        @JsonProperty("PowerOnAfterRestore")
        private final boolean powerOnAfterRestore;
        @JsonProperty("QuickRollback")
        private final boolean quickRollback;
        @JsonProperty("KeepOriginalVM")
        private final Boolean keepOriginalVm;

        VmRestoreSpec(boolean powerOnAfterRestore, boolean quickRollback, Boolean keepOriginalVm) {
            this.powerOnAfterRestore = powerOnAfterRestore;
            this.quickRollback = quickRollback;
            this.keepOriginalVm = keepOriginalVm;
        }

        public boolean isPowerOnAfterRestore() {
            return powerOnAfterRestore;
        }

        public boolean isQuickRollback() {
            return quickRollback;
        }

        public Boolean getKeepOriginalVm() {
            return keepOriginalVm;
        }
    }
}
