/**
 * Identity's implementation: account and audit tables (SQL via JdbcClient), the Spring Security filter
 * chains, lockout, the first-start administrator. Private to the identity module.
 */
package org.beacon.identity.internal;
