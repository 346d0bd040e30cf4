package dev.camelveeam.veeamem.simulator;

import java.util.ArrayList;
import java.util.List;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/** The {@code QueryResult} document of {@code /api/query}. */
final class QueryDocuments {

    /**
     * EM 12's {@code Entities} members in order (from a captured answer); JSON writes every one, {@code null} but the
     * used one.
     */
    private static final List<String> ENTITIES_MEMBERS = List.of("Jobs", "FailoverPlans", "Backups", "Replicas", "Repositories",
            "RestorePoints", "VmRestorePoints", "VAppRestorePoints", "VmReplicaPoints", "BackupJobSessions",
            "ReplicaJobSessions",
            "ReplicaTaskSessions", "RestoreSessions", "HierarchyRoots", "BackupTaskSessions", "BackupServers", "ManagedServers",
            "EnterpiseRoles", "EnterpiseAccounts", "WanAccelerators", "CloudGateways", "CloudTenants", "CloudReplicas",
            "VCloudOrganizationConfigs", "BackupFiles", "VSphereSelfServiceConfigs", "CloudPublicIps", "CloudHardwarePlans",
            "CloudVmReplicaPoints", "AgentRestorePoints", "AgentBackupJob", "CloudGatewayPools", "CloudFailoverPlans",
            "ExternalRepositories", "VlanConfigurations", "CloudFailoverSessions", "AgentProtectionGroups",
            "DiscoveredComputers",
            "FileServers", "NASJobs", "CdpReplicas", "CdpReplicaVms", "CdpPolicies", "CdpReplicaSessions",
            "CdpReplicaTaskSessions",
            "VAppReplicaPoints", "VmCdpReplicas", "VAppCdpReplicas", "VAppCdpReplicaVms", "SystemSessions");

    private final EmLinks links;

    QueryDocuments(EmLinks links) {
        this.links = links;
    }

    /** JSON keeps the XSD order here ({@code Links} before {@code PagingInfo}), as EM's captured answers show. */
    <T> EmElement queryResult(QueryType<T> type, List<T> page, boolean entities, QueryPaging paging) {
        return EmElement.of("QueryResult")
                .child(entities
                        ? EmElement.absent("Refs") : EmLinks.list("Refs", "Refs", page.stream().map(type.reference()).toList()))
                .child(entities
                        ? entities(type.entitiesMember(), page.stream().map(type.entity()).toList())
                        : EmElement.absent("Entities"))
                .child(EmElement.absent("Resources"))
                .child(EmElement.absent("Links"))
                .child(pagingInfo(paging))
                .jsonOrder(List.of("Refs", "Entities", "Resources", "Links", "PagingInfo"));
    }

    private static EmElement entities(String member, List<EmElement> items) {
        EmElement entities = EmElement.of("Entities");
        ENTITIES_MEMBERS.forEach(
                name -> entities.child(name.equals(member) ? EmLinks.list(name, name, items) : EmElement.absent(name)));
        return entities;
    }

    /** First and Last always; Previous and Next when there is such a page. */
    private EmElement pagingInfo(QueryPaging paging) {
        List<EmElement> pageLinks = new ArrayList<>();
        pageLinks.add(link("First", links.href(paging.pathOf(1)), null, null));
        if (paging.pageNum() > 1 && paging.pageNum() <= paging.pagesCount()) {
            pageLinks.add(link("Previous", links.href(paging.pathOf(paging.pageNum() - 1)), null, null));
        }
        if (paging.pageNum() < paging.pagesCount()) {
            pageLinks.add(link("Next", links.href(paging.pathOf(paging.pageNum() + 1)), null, null));
        }
        pageLinks.add(link("Last", links.href(paging.pathOf(paging.pagesCount())), null, null));
        return EmElement.of("PagingInfo")
                .child(links(pageLinks))
                .attr("PageNum", paging.pageNum())
                .attr("PageSize", paging.pageSize())
                .attr("PagesCount", paging.pagesCount());
    }
}
