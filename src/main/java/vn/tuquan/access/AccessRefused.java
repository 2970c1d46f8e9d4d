package vn.tuquan.access;

/**
 * A signed-in person (or a token standing for them) was answered 403: a page or an API call their
 * permissions or scope do not allow, a form without its CSRF token, the API before enrolling a
 * required second factor. Audited, with a limit per person so that a script cannot flood the log.
 *
 * @param method the request's method
 * @param path   the request's path, without its query (which may hold what someone typed)
 * @param reason what refused it: the missing permission, the unit outside the scope … (ids and names
 *               of permissions only), or {@code null} when nothing said
 */
public record AccessRefused(String username, String method, String path, String reason) {}
