package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi.SessionRecordingsListQuery;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi.SessionRecordingsMatchingEventsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi.SessionRecordingsSnapshotsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.MatchingEventsResponse;
import dev.hedgekit.posthog.generated.model.SessionRecording;
import dev.hedgekit.posthog.generated.model.SessionRecordingSnapshotSources;
import dev.hedgekit.posthog.generated.model.SessionRecordingsResponse;
import dev.hedgekit.posthog.generated.model.SharingConfiguration;
import dev.hedgekit.posthog.generated.model.SuccessResponse;
import dev.hedgekit.posthog.internal.ClientContext;

/**
 * Session recordings of one project: list, read, delete, snapshots, sharing settings and AI
 * summaries. A recording is addressed by its session id, a free string (the
 * {@code $session_id} the SDKs send, often but not always a UUID).
 *
 * <p>The list is not a linked page: PostHog answers {@code {results, has_next}}; ask for the
 * next batch by raising {@code offset} while {@code has_next} is true.
 *
 * <pre>{@code
 * SessionRecordings recordings = client.project(42).sessionRecordings();
 * SessionRecordingsResponse recent = recordings.list(new SessionRecordingsListQuery().limit(50L));
 * for (SessionRecording r : recent.getResults()) { ... }
 * recordings.delete(sessionId);                            // real delete (204)
 * }</pre>
 */
public final class SessionRecordings extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public SessionRecordings(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private SessionRecordingsApi recordings() {
    return api(SessionRecordingsApi.class);
  }

  /** @return the most recent recordings (PostHog's default batch size) */
  public SessionRecordingsResponse list() {
    return list(new SessionRecordingsListQuery());
  }

  /**
   * A batch of recordings.
   *
   * @param query filters and paging ({@code date_from}, {@code date_to}, {@code session_ids},
   *     {@code person_uuid}, {@code events}, {@code properties}, {@code order}, {@code limit},
   *     {@code offset}, ...)
   * @return the recordings and whether there are more ({@code has_next})
   */
  public SessionRecordingsResponse list(SessionRecordingsListQuery query) {
    required(query, "query");
    return recordings().sessionRecordingsList(projectId, query);
  }

  /**
   * @param id the recording's session id
   * @return the recording's metadata (duration, activity, person)
   */
  public SessionRecording get(String id) {
    return recordings().sessionRecordingsRetrieve(projectId, id(id, "id"));
  }

  /**
   * Deletes a recording (a real delete: PostHog answers 204).
   *
   * @param id the recording's session id
   */
  public void delete(String id) {
    recordings().sessionRecordingsDestroy(projectId, id(id, "id"));
  }

  /**
   * The snapshot sources of a recording (PostHog leaves this route out of its published schema).
   *
   * @param id the recording's session id
   * @return the sources the recording's snapshots can be read from
   */
  public SessionRecordingSnapshotSources snapshots(String id) {
    return snapshots(id, new SessionRecordingsSnapshotsRetrieveQuery());
  }

  /**
   * The snapshot data of a recording: its sources, or one source's blobs.
   *
   * @param id the recording's session id
   * @param query {@code source}, {@code blob_key}, {@code start_blob_key},
   *     {@code end_blob_key}, ...
   * @return PostHog's answer
   */
  public SessionRecordingSnapshotSources snapshots(String id,
      SessionRecordingsSnapshotsRetrieveQuery query) {
    id(id, "id");
    required(query, "query");
    return recordings().sessionRecordingsSnapshotsRetrieve(projectId, id, query);
  }

  /**
   * Generates an AI summary of a recording (the request has no body).
   *
   * @param id the recording's session id
   * @return the summary
   */
  public JsonNode summarize(String id) {
    return recordings().sessionRecordingsSummarizeCreate(projectId, id(id, "id"));
  }

  /**
   * @param recordingId the recording's session id
   * @return the recording's public sharing settings
   */
  public SharingConfiguration sharing(String recordingId) {
    return recordings().sessionRecordingsSharingList(projectId, id(recordingId, "recordingId"));
  }

  /**
   * The events of recordings that match event or action filters (meant for PostHog's own UI).
   *
   * @param query {@code session_ids} (required), {@code events}, {@code actions},
   *     {@code properties}, {@code date_from}, {@code date_to}
   * @return the matching events
   */
  public MatchingEventsResponse matchingEvents(SessionRecordingsMatchingEventsRetrieveQuery query) {
    required(query, "query");
    id(query.sessionIds(), "sessionIds");
    return recordings().sessionRecordingsMatchingEventsRetrieve(projectId, query);
  }

  /**
   * Asks PostHog to keep a recording beyond the retention period (the request has no body).
   *
   * @param id the recording's session id
   * @return PostHog's answer ({@code success})
   */
  public SuccessResponse persist(String id) {
    return recordings().sessionRecordingsPersistCreate(projectId, id(id, "id"));
  }

  /**
   * Recordings similar to the given one.
   *
   * @param id the recording's session id
   * @return PostHog's answer
   * @deprecated PostHog has removed this route; nothing replaces it in the recordings API.
   */
  @Deprecated
  public JsonNode similarSessions(String id) {
    return recordings().sessionRecordingsSimilarSessionsRetrieve(projectId, id(id, "id"));
  }

  /**
   * Clusters of the console errors seen in recent recordings.
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route; nothing replaces it in the recordings API.
   */
  @Deprecated
  public JsonNode errorClusters() {
    return recordings().sessionRecordingsErrorClustersRetrieve(projectId);
  }

  /**
   * The session properties of recordings (PostHog read the session ids from the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: the recordings list with
   *     {@code session_ids} ({@link #list(SessionRecordingsListQuery)}), or the query API.
   */
  @Deprecated
  public JsonNode properties() {
    return recordings().sessionRecordingsPropertiesRetrieve(projectId);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "SessionRecordings{projectId=" + projectId + "}";
  }
}
