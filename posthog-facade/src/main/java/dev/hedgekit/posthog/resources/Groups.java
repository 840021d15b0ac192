package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.GroupsApi;
import dev.hedgekit.posthog.generated.api.GroupsApi.GroupsFindRetrieveQuery;
import dev.hedgekit.posthog.generated.api.GroupsApi.GroupsListQuery;
import dev.hedgekit.posthog.generated.api.GroupsApi.GroupsPropertyValuesRetrieveQuery;
import dev.hedgekit.posthog.generated.model.Group;
import dev.hedgekit.posthog.generated.model.GroupType;
import dev.hedgekit.posthog.generated.model.GroupTypeMetadataUpdate;
import dev.hedgekit.posthog.generated.model.PropertyNameCount;
import dev.hedgekit.posthog.generated.model.PropertyValue;
import dev.hedgekit.posthog.generated.model.RelatedActor;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;
import java.util.Map;

/**
 * Groups (companies, teams, ...) and group types of one project. Groups are created by
 * capturing events; this API lists and finds them and names the group types. Every group
 * belongs to a group type, named by its index (0 to 4).
 *
 * <pre>{@code
 * Groups groups = client.groups(42);
 * for (Group company : groups.listAll(0)) { ... }          // every group of type 0
 * JsonNode acme = groups.find(0, "acme-inc");
 * }</pre>
 */
public final class Groups extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Groups(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private GroupsApi groups() {
    return api(GroupsApi.class);
  }

  /**
   * The first page of the groups of one type.
   *
   * @param groupTypeIndex the group type's index (0 to 4)
   * @return the page
   */
  public Page<Group> list(long groupTypeIndex) {
    return list(new GroupsListQuery().groupTypeIndex(groupTypeIndex));
  }

  /**
   * One page of groups. Pages are cursor based: follow them with {@link #listAll(GroupsListQuery)}.
   *
   * @param query {@code group_type_index} (required), {@code search} and {@code cursor}
   * @return the page
   * @throws NullPointerException if the query has no group type index
   */
  public Page<Group> list(GroupsListQuery query) {
    checkListQuery(query);
    return Page.of(groups().groupsList(projectId, query));
  }

  /**
   * Every group of one type, fetched lazily page by page.
   *
   * @param groupTypeIndex the group type's index (0 to 4)
   * @return the pager
   */
  public Pager<Group> listAll(long groupTypeIndex) {
    return listAll(new GroupsListQuery().groupTypeIndex(groupTypeIndex));
  }

  /**
   * Every group matching the query, fetched lazily page by page.
   *
   * @param query {@code group_type_index} (required) and {@code search}
   * @return the pager
   * @throws NullPointerException if the query has no group type index
   */
  public Pager<Group> listAll(GroupsListQuery query) {
    checkListQuery(query);
    return pager(() -> groups().groupsList(projectId, query));
  }

  private static void checkListQuery(GroupsListQuery query) {
    required(query, "query");
    required(query.groupTypeIndex(), "query.groupTypeIndex");
  }


  /**
   * Finds one group by its type and key.
   *
   * @param groupTypeIndex the group type's index (0 to 4)
   * @param groupKey the group's key (as given when capturing)
   * @return the group
   */
  public Group find(long groupTypeIndex, String groupKey) {
    id(groupKey, "groupKey");
    GroupsFindRetrieveQuery query = new GroupsFindRetrieveQuery()
        .groupTypeIndex(groupTypeIndex).groupKey(groupKey);
    return groups().groupsFindRetrieve(projectId, query);
  }

  /**
   * @return the property names of groups with how many groups have each, by group type index
   *     (as text)
   */
  public Map<String, List<PropertyNameCount>> propertyDefinitions() {
    return groups().groupsPropertyDefinitionsRetrieve(projectId);
  }

  /**
   * The known values of one group property.
   *
   * @param groupTypeIndex the group type's index (0 to 4)
   * @param key the property name
   * @return the values, with how many groups have each
   */
  public List<PropertyValue> propertyValues(long groupTypeIndex, String key) {
    id(key, "key");
    GroupsPropertyValuesRetrieveQuery query = new GroupsPropertyValuesRetrieveQuery()
        .groupTypeIndex(groupTypeIndex).key(key);
    return groups().groupsPropertyValuesRetrieve(projectId, query);
  }

  /**
   * The group types of the project (at most five, indexed 0 to 4).
   *
   * @return the group types
   */
  public List<GroupType> types() {
    return groups().groupsTypesList(projectId);
  }

  /**
   * The persons and groups that shared events with a group over the last 90 days.
   *
   * @param groupTypeIndex the group's type index (0 to 4)
   * @param groupKey the group's key
   * @return the related persons and groups
   */
  public List<RelatedActor> related(long groupTypeIndex, String groupKey) {
    return groups().groupsRelatedRetrieve(projectId, id(groupKey, "groupKey"), groupTypeIndex);
  }

  /**
   * The persons and groups that shared events with a person over the last 90 days.
   *
   * @param personUuid the person's UUID
   * @return the related persons and groups
   */
  public List<RelatedActor> relatedToPerson(String personUuid) {
    return groups().groupsRelatedRetrieve(projectId, id(personUuid, "personUuid"), (Long) null);
  }

  /**
   * Changes the display names ({@code name_singular}, {@code name_plural}) and other metadata of
   * group types: one entry per group type, named by its {@code group_type_index}.
   *
   * @param updates the changes, one per group type
   * @return every group type of the project after the change
   */
  public List<GroupType> updateTypesMetadata(List<GroupTypeMetadataUpdate> updates) {
    required(updates, "updates");
    for (GroupTypeMetadataUpdate u : updates) {
      required(u, "updates[i]");
      required(u.getGroupTypeIndex(), "updates[i].groupTypeIndex");
    }
    return groups().groupsTypesUpdateMetadataPartialUpdate(projectId, updates);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Groups{projectId=" + projectId + "}";
  }
}
