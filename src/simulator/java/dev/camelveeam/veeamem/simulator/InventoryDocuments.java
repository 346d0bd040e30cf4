package dev.camelveeam.veeamem.simulator;

import java.util.List;

import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/** Hierarchy roots as references, and lookup answers ({@code HierarchyItems}). */
final class InventoryDocuments {

    private final EmLinks links;

    InventoryDocuments(EmLinks links) {
        this.links = links;
    }

    EmElement rootReferences(List<SimHierarchyRoot> roots) {
        return EmLinks.list("EntityReferences", "Refs", roots.stream()
                .map(root -> EmLinks.reference("Ref", Ids.uid("HierarchyRoot", root.getId()), root.getName(),
                        links.href("/hierarchyRoots/" + root.getId()), "HierarchyRootReference", links(links.backupServerUp())))
                .toList());
    }

    EmElement items(List<SimHierarchyRoot.Item> items) {
        return EmLinks.list("HierarchyItems", "HierarchyItems", items.stream().map(this::item).toList());
    }

    /** The XSD requires an {@code Href}: the lookup that finds exactly this item. */
    private EmElement item(SimHierarchyRoot.Item item) {
        return EmElement.of("HierarchyItem")
                .child(EmElement.absent("Links"))
                .child(EmElement.leaf("ObjectRef", item.objectRef()))
                .child(EmElement.leaf("ObjectType", item.objectType()))
                .child(EmElement.leaf("ObjectName", item.objectName()))
                .attr("Href", links.href("/lookup?hierarchyRef=" + EmLinks.encode(item.objectRef())))
                .attr("Type", "HierarchyItem");
    }
}
