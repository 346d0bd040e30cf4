package dev.camelveeam.veeamem.model;

/**
 * A reference to an EM entity ({@code Ref} / {@code EntityRef}): its UID, name and address, without its details.
 */
public class EntityRef extends EmEntity {

    @Override
    public String toString() {
        return "EntityRef[type=" + getType() + ", name=" + getName() + ", uid=" + getUid() + "]";
    }
}
