/**
 * Who may see and do what: browser users (form login, roles, business grants, the account page), API applications
 * (BlueKing {@code bk_app_code}/{@code bk_app_secret}, read and write grants), share links (read-only sessions of one
 * subscription), password rules and changes, and the filter chains, headers and throttling that enforce it.
 * Everything else asks {@link io.subwatch.security.Access}. The pages that change users and applications live in
 * {@code io.subwatch.admin}, which uses the few public DAOs and rules here; nothing here knows of it.
 */
package io.subwatch.security;
