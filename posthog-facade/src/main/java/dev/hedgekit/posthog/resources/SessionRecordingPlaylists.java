package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.SessionRecordingPlaylistsApi;
import dev.hedgekit.posthog.generated.api.SessionRecordingPlaylistsApi.SessionRecordingPlaylistsListQuery;
import dev.hedgekit.posthog.generated.api.SessionRecordingPlaylistsApi.SessionRecordingPlaylistsRecordingsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.PatchedSessionRecordingPlaylist;
import dev.hedgekit.posthog.generated.model.SessionRecordingPlaylist;
import dev.hedgekit.posthog.generated.model.SessionRecordingsResponse;
import dev.hedgekit.posthog.generated.model.SuccessResponse;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Session recording playlists of one project, addressed by their short id: list, read, create,
 * change, soft delete, and the recordings pinned to a playlist.
 *
 * <pre>{@code
 * SessionRecordingPlaylists playlists = client.sessionRecordingPlaylists(42);
 * SessionRecordingPlaylist bugs = playlists.create(new SessionRecordingPlaylist().name("Bugs"));
 * playlists.addRecording(bugs.getShortId(), "0191-recording-id");
 * playlists.delete(bugs.getShortId());                     // soft delete
 * }</pre>
 */
public final class SessionRecordingPlaylists extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public SessionRecordingPlaylists(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private SessionRecordingPlaylistsApi playlists() {
    return api(SessionRecordingPlaylistsApi.class);
  }

  /** @return the first page of playlists (PostHog's default page size) */
  public Page<SessionRecordingPlaylist> list() {
    return list(new SessionRecordingPlaylistsListQuery());
  }

  /**
   * One page of playlists.
   *
   * @param query filters and paging ({@code created_by}, {@code short_id}, {@code limit},
   *     {@code offset})
   * @return the page
   */
  public Page<SessionRecordingPlaylist> list(SessionRecordingPlaylistsListQuery query) {
    required(query, "query");
    return Page.of(playlists().sessionRecordingPlaylistsList(projectId, query));
  }

  /** @return every playlist, fetched lazily page by page */
  public Pager<SessionRecordingPlaylist> listAll() {
    return listAll(new SessionRecordingPlaylistsListQuery());
  }

  /**
   * Every playlist matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<SessionRecordingPlaylist> listAll(SessionRecordingPlaylistsListQuery query) {
    required(query, "query");
    return pager(() -> playlists().sessionRecordingPlaylistsList(projectId, query));
  }


  /**
   * @param shortId the playlist's short id
   * @return the playlist
   */
  public SessionRecordingPlaylist get(String shortId) {
    id(shortId, "shortId");
    return playlists().sessionRecordingPlaylistsRetrieve(projectId, shortId);
  }

  /**
   * Creates a playlist: a saved filter ({@code filters}) or a collection of pinned recordings.
   *
   * @param playlist the new playlist
   * @return the created playlist, with its short id
   */
  public SessionRecordingPlaylist create(SessionRecordingPlaylist playlist) {
    required(playlist, "playlist");
    return playlists().sessionRecordingPlaylistsCreate(projectId, playlist);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param shortId the playlist's short id
   * @param patch the fields to change
   * @return the playlist after the change
   */
  public SessionRecordingPlaylist update(String shortId, PatchedSessionRecordingPlaylist patch) {
    id(shortId, "shortId");
    required(patch, "patch");
    return playlists().sessionRecordingPlaylistsPartialUpdate(projectId, shortId, patch);
  }

  /**
   * Replaces the playlist (PUT): fields not set in {@code playlist} are reset by PostHog.
   *
   * @param shortId the playlist's short id
   * @param playlist the full new state
   * @return the playlist after the change
   */
  public SessionRecordingPlaylist replace(String shortId, SessionRecordingPlaylist playlist) {
    id(shortId, "shortId");
    required(playlist, "playlist");
    return playlists().sessionRecordingPlaylistsUpdate(projectId, shortId, playlist);
  }

  /**
   * Soft deletes the playlist: PostHog does not allow a hard delete of playlists (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The playlist
   * disappears from lists; its recordings are kept.
   *
   * @param shortId the playlist's short id
   * @return the playlist as PostHog answered the PATCH
   */
  public SessionRecordingPlaylist delete(String shortId) {
    return update(shortId, new PatchedSessionRecordingPlaylist().deleted(true));
  }

  /**
   * The recordings of a playlist: those pinned to it and those its filters match.
   *
   * @param shortId the playlist's short id
   * @return the recordings and whether there are more ({@code has_next})
   */
  public SessionRecordingsResponse recordings(String shortId) {
    return recordings(shortId, new SessionRecordingPlaylistsRecordingsRetrieveQuery());
  }

  /**
   * A batch of the recordings of a playlist; raise {@code offset} while {@code has_next} is
   * true for the next one.
   *
   * @param shortId the playlist's short id
   * @param query filters and paging ({@code limit}, {@code offset}, {@code date_from}, ...)
   * @return the recordings and whether there are more ({@code has_next})
   */
  public SessionRecordingsResponse recordings(String shortId,
      SessionRecordingPlaylistsRecordingsRetrieveQuery query) {
    id(shortId, "shortId");
    required(query, "query");
    return playlists().sessionRecordingPlaylistsRecordingsRetrieve(projectId, shortId, query);
  }

  /**
   * Pins a recording to a playlist (the request has no body).
   *
   * @param shortId the playlist's short id
   * @param sessionRecordingId the recording's session id
   * @return PostHog's answer ({@code success})
   */
  public SuccessResponse addRecording(String shortId, String sessionRecordingId) {
    id(shortId, "shortId");
    id(sessionRecordingId, "sessionRecordingId");
    return playlists().sessionRecordingPlaylistsRecordingsCreate(projectId, shortId,
        sessionRecordingId);
  }

  /**
   * Unpins a recording from a playlist; the recording itself is kept.
   *
   * @param shortId the playlist's short id
   * @param sessionRecordingId the recording's session id
   * @return PostHog's answer ({@code success})
   */
  public SuccessResponse removeRecording(String shortId, String sessionRecordingId) {
    id(shortId, "shortId");
    id(sessionRecordingId, "sessionRecordingId");
    return playlists().sessionRecordingPlaylistsRecordingsDestroy(projectId, shortId,
        sessionRecordingId);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "SessionRecordingPlaylists{projectId=" + projectId + "}";
  }
}
