package dev.camelveeam.veeamem.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hierarchy roots in insertion order, and the lookups EM's {@code /api/lookup} offers. */
final class Inventory {

    private final Map<String, SimHierarchyRoot> roots = new LinkedHashMap<>();

    /** @throws IllegalArgumentException if a root with this id exists */
    synchronized SimHierarchyRoot add(SimHierarchyRoot root) {
        if (roots.putIfAbsent(root.getId(), root) != null) {
            throw new IllegalArgumentException("Hierarchy root " + root.getId() + " already exists");
        }
        return root;
    }

    synchronized List<SimHierarchyRoot> all() {
        return List.copyOf(roots.values());
    }

    synchronized Optional<SimHierarchyRoot> find(String rootId) {
        return Optional.ofNullable(roots.get(rootId));
    }

    /** The root's objects of this type and name, both compared in any letter case; {@code null} matches any. */
    static List<SimHierarchyRoot.Item> lookup(SimHierarchyRoot root, String type, String name) {
        return root.items().stream()
                .filter(item -> type == null || item.objectType().equalsIgnoreCase(type))
                .filter(item -> name == null || item.objectName().equalsIgnoreCase(name))
                .toList();
    }

    /** The objects, in any root, with this reference (any letter case). */
    List<SimHierarchyRoot.Item> lookup(String objectRef) {
        return all().stream().flatMap(root -> root.items().stream())
                .filter(item -> item.objectRef().equalsIgnoreCase(objectRef)).toList();
    }
}
