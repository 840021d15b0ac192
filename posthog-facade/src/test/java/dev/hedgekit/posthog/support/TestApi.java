package dev.hedgekit.posthog.support;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Map;

/**
 * A small Feign interface declared in the tests, so that the suite does not depend on the
 * generated API interfaces (whose spec is changing). Obtained with
 * {@code client.generated(TestApi.class)}: same auth, retry and error stack.
 */
public interface TestApi {

  /** Path of one feature flag, as WireMock sees it. */
  static String flagPath(long projectId, long id) {
    return "/api/projects/" + projectId + "/feature_flags/" + id + "/";
  }

  /** Path of the feature flag collection. */
  static String flagsPath(long projectId) {
    return "/api/projects/" + projectId + "/feature_flags/";
  }

  @RequestLine("GET /api/projects/{project_id}/feature_flags/{id}/")
  Map<String, Object> getFlag(@Param("project_id") long projectId, @Param("id") long id);

  @RequestLine("GET /api/projects/{project_id}/feature_flags/{id}/")
  JsonNode getFlagJson(@Param("project_id") long projectId, @Param("id") long id);

  @RequestLine("POST /api/projects/{project_id}/feature_flags/")
  @Headers("Content-Type: application/json")
  Map<String, Object> createFlag(@Param("project_id") long projectId, Map<String, Object> flag);

  @RequestLine("PUT /api/projects/{project_id}/feature_flags/{id}/")
  @Headers("Content-Type: application/json")
  Map<String, Object> replaceFlag(@Param("project_id") long projectId, @Param("id") long id,
      Map<String, Object> flag);

  @RequestLine("DELETE /api/projects/{project_id}/feature_flags/{id}/")
  void deleteFlag(@Param("project_id") long projectId, @Param("id") long id);
}
