/**
 * The admin pages ({@code /admin/**}, admins only): users with their role, business grants, state and password, and
 * API applications with their grants, state and secret, each change audited under the admin's name, and the mirrored
 * NodeMan sources with their sync state (read only). A leaf: it uses the small public API of
 * {@link io.subwatch.security} (the DAOs, password rules and changes, page notices) and the read-only
 * {@link io.subwatch.mirror.MirrorOverview}, and nothing depends on it. Who may sign in and what a grant allows stay in security; this package only changes them.
 */
package io.subwatch.admin;
