/**
 * Identity's pages: login, the user's own account and password, account administration and the audit
 * trail view, plus {@code GET /api/account}. Private to the identity module.
 */
package org.beacon.identity.web;
