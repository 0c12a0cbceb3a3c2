/** The Cognito group that makes an organizer (deploy-shared's pool, the API's kippu.cognito.organizers-group). */
export const ORGANIZERS_GROUP = "organizers";

/**
 * Whether the access token puts its user in the organizers group. This only decides what the site
 * offers; the API reads the same claim from the verified token and refuses the rest (FORBIDDEN).
 */
export function isOrganizer(accessTokenPayload: Record<string, unknown>): boolean {
  const groups = accessTokenPayload["cognito:groups"];
  return Array.isArray(groups) && groups.includes(ORGANIZERS_GROUP);
}
