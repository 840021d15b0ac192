package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi;
import dev.hedgekit.posthog.generated.api.SessionRecordingsApi.SessionRecordingsListQuery;
import dev.hedgekit.posthog.generated.model.PaginatedSessionRecordingList;
import dev.hedgekit.posthog.generated.model.SessionRecording;
import dev.hedgekit.posthog.generated.model.SessionRecordingsPersistCreateRequest;
import dev.hedgekit.posthog.generated.model.SharingConfiguration;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;
import java.util.UUID;

/**
 * Session recordings of one project: list, read, delete, snapshots, sharing settings and AI
 * summaries. Recordings are addressed by their session id; the spec types it as a UUID for
 * reading and deleting and as text for the other calls.
 *
 * <pre>{@code
 * SessionRecordings recordings = client.sessionRecordings(42);
 * for (SessionRecording r : recordings.listAll()) { ... }
 * recordings.delete(UUID.fromString(sessionId));           // real delete (204)
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

  /** @return the first page of recordings (PostHog's default page size) */
  public Page<SessionRecording> list() {
    return list(new SessionRecordingsListQuery());
  }

  /**
   * One page of recordings.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<SessionRecording> list(SessionRecordingsListQuery query) {
    required(query, "query");
    return Page.of(recordings().sessionRecordingsList(projectId, query));
  }

  /** @return every recording, fetched lazily page by page */
  public Pager<SessionRecording> listAll() {
    return listAll(new SessionRecordingsListQuery());
  }

  /**
   * Every recording, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<SessionRecording> listAll(SessionRecordingsListQuery query) {
    required(query, "query");
    return pager(() -> recordings().sessionRecordingsList(projectId, query));
  }


  /**
   * @param id the recording's session id
   * @return the recording's metadata (duration, activity, person)
   */
  public SessionRecording get(UUID id) {
    required(id, "id");
    return recordings().sessionRecordingsRetrieve(projectId, id);
  }

  /**
   * Deletes a recording (a real delete: PostHog answers 204).
   *
   * @param id the recording's session id
   */
  public void delete(UUID id) {
    required(id, "id");
    recordings().sessionRecordingsDestroy(projectId, id);
  }

  /**
   * The snapshot data of a recording: its sources, or one source's blobs (PostHog reads the
   * source from the query string).
   *
   * @param id the recording's session id
   * @return PostHog's answer
   */
  public JsonNode snapshots(String id) {
    id(id, "id");
    return recordings().sessionRecordingsSnapshotsRetrieve(projectId, id);
  }

  /**
   * Generates an AI summary of a recording.
   *
   * @param id the recording's session id
   * @param recording the recording (PostHog requires a body of the recording's shape)
   * @return the summary
   */
  public JsonNode summarize(String id, SessionRecordingsPersistCreateRequest recording) {
    id(id, "id");
    required(recording, "recording");
    return 
        recordings().sessionRecordingsSummarizeCreate(projectId, id, recording);
  }

  /**
   * @param recordingId the recording's session id
   * @return the recording's public sharing settings
   */
  public List<SharingConfiguration> sharing(String recordingId) {
    id(recordingId, "recordingId");
    return recordings().sessionRecordingsSharingList(projectId, recordingId);
  }

  /**
   * The ids of the events of one recording that match event or action filters (PostHog reads
   * the session and filters from the query string; meant for PostHog's own UI).
   *
   * @return PostHog's answer
   */
  public JsonNode matchingEvents() {
    return recordings().sessionRecordingsMatchingEventsRetrieve(projectId);
  }

  /**
   * Asks PostHog to keep a recording beyond the retention period.
   *
   * @param id the recording's session id
   * @param recording the recording (PostHog requires a body of the recording's shape)
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream).
   */
  @Deprecated
  public JsonNode persist(String id, SessionRecordingsPersistCreateRequest recording) {
    id(id, "id");
    required(recording, "recording");
    return 
        recordings().sessionRecordingsPersistCreate(projectId, id, recording);
  }

  /**
   * Recordings similar to the given one.
   *
   * @param id the recording's session id
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream).
   */
  @Deprecated
  public JsonNode similarSessions(String id) {
    id(id, "id");
    return 
        recordings().sessionRecordingsSimilarSessionsRetrieve(projectId, id);
  }

  /**
   * Clusters of the console errors seen in recent recordings.
   *
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream).
   */
  @Deprecated
  public JsonNode errorClusters() {
    return recordings().sessionRecordingsErrorClustersRetrieve(projectId);
  }

  /**
   * The session properties of recordings (PostHog reads the session ids from the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream).
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
