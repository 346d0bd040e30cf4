package dev.camelveeam.veeamem.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A simulated hierarchy root (a vCenter) with the objects {@code /api/lookup} finds in it. Thread-safe. */
public final class SimHierarchyRoot {

    /** One object of the hierarchy: {@code ObjectRef}, {@code ObjectType} (from the reference), {@code ObjectName}. */
    record Item(String objectRef, String objectType, String objectName) {
    }

    /** {@code urn:<Platform>:<Type>:<rest>}, e.g. {@code urn:VMware:Vm:<rootGuid>.vm-101}. */
    private static final Pattern OBJECT_REF = Pattern.compile("urn:[^:]+:([^:]+):.+");

    private final String id;
    private final String name;
    private final List<Item> items = new ArrayList<>();

    SimHierarchyRoot(String id, String name) {
        this.id = Ids.requireGuid(id, "hierarchy root id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The root GUID, lower case (the part after {@code urn:veeam:HierarchyRoot:}). */
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /**
     * Adds a VM; several VMs may share a name (lookups by name then return all of them).
     *
     * @param  objectRef                e.g. {@code urn:VMware:Vm:<rootGuid>.vm-101}
     * @return                          this root
     * @throws IllegalArgumentException if the reference is not {@code urn:<Platform>:<Type>:<id>}
     */
    public SimHierarchyRoot addVm(String objectRef, String name) {
        Matcher matcher = OBJECT_REF.matcher(Objects.requireNonNull(objectRef, "objectRef"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a hierarchy object reference (urn:<Platform>:<Type>:<id>): " + objectRef);
        }
        synchronized (items) {
            items.add(new Item(objectRef, matcher.group(1), Objects.requireNonNull(name, "name")));
        }
        return this;
    }

    /** A snapshot, in insertion order. */
    List<Item> items() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    @Override
    public String toString() {
        return "SimHierarchyRoot[" + id + ", " + name + "]";
    }
}
