package org.beacon.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccountRejectedException;
import org.beacon.identity.StaffAccounts;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link StaffAccounts} on {@link AccountRepository}, auditing every change. */
@Service
class JdbcStaffAccounts implements StaffAccounts {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
	private static final int MAX_DISPLAY_NAME = 200;
	/** local@domain: no spaces, quotes, commas or angle brackets (one address, not a list), a dotted domain. */
	private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>(),;:\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
	/** RFC 5321's limit on a forward path. */
	private static final int MAX_EMAIL = 254;

	private final AccountRepository accounts;
	private final PasswordEncoder passwordEncoder;
	private final JdbcAuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	JdbcStaffAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, JdbcAuditTrail audit,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	public StaffAccount create(NewStaffAccount request) {
		NewStaffAccount account = normalised(request);
		PasswordPolicy.check("password", account.password(), account.username());
		if (!insert(account)) {
			throw new StaffAccountRejectedException("username", "Username '" + account.username() + "' is taken.");
		}
		return require(account.username());
	}

	/**
	 * Creates the account unless the username exists, for the first-start administrator; safe when
	 * several nodes start at once. Returns whether this call created it.
	 */
	boolean createIfAbsent(NewStaffAccount account) {
		return insert(normalised(account));
	}

	/**
	 * Inserts account and roles in a transaction of their own, so that losing a race for the username
	 * (a unique-key violation, which aborts a PostgreSQL transaction) leaves nothing half done.
	 */
	private boolean insert(NewStaffAccount account) {
		String hash = passwordEncoder.encode(account.password());
		boolean inserted;
		try {
			inserted = Boolean.TRUE.equals(transactions.execute(status -> accounts.insertIfAbsent(account, hash, clock.instant())));
		}
		catch (DuplicateKeyException raced) {
			inserted = false;
		}
		if (inserted) {
			audit.recordFor(account.agency(), "identity.account.create",
					account.username() + " roles=" + names(account.roles()), "success");
		}
		return inserted;
	}

	@Override
	public Optional<StaffAccount> findByUsername(String username) {
		return username == null ? Optional.empty() : accounts.find(key(username)).map(AccountRepository.Stored::account);
	}

	@Override
	public Optional<StaffAccount> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff
				? findByUsername(staff.getUsername()) : Optional.empty();
	}

	@Override
	public List<StaffAccount> list(AgencyId agency) {
		return accounts.list(agency);
	}

	@Override
	@Transactional
	public StaffAccount changeRoles(String username, Set<Role> roles) {
		StaffAccount account = require(username);
		Set<Role> wanted = roles == null ? Set.of() : Set.copyOf(roles);
		if (account.hasRole(Role.ADMIN) && !wanted.contains(Role.ADMIN) && isLastEnabledAdmin(account)) {
			throw new StaffAccountRejectedException("roles", "'" + account.username()
					+ "' is the last enabled administrator; make someone else an administrator first.");
		}
		accounts.replaceRoles(account.id(), account.agency(), wanted);
		accounts.touch(account.id(), clock.instant());
		audit.recordFor(account.agency(), "identity.account.roles", account.username() + " roles=" + names(wanted), "success");
		return require(account.username());
	}

	@Override
	@Transactional
	public StaffAccount setEnabled(String username, boolean enabled) {
		StaffAccount account = require(username);
		if (!enabled && account.hasRole(Role.ADMIN) && isLastEnabledAdmin(account)) {
			throw new StaffAccountRejectedException("enabled", "'" + account.username()
					+ "' is the last enabled administrator and cannot be disabled.");
		}
		accounts.setEnabled(account.id(), enabled, clock.instant());
		audit.recordFor(account.agency(), enabled ? "identity.account.enable" : "identity.account.disable",
				account.username(), "success");
		return require(account.username());
	}

	@Override
	@Transactional
	public StaffAccount resetPassword(String username, String temporaryPassword) {
		StaffAccount account = require(username);
		PasswordPolicy.check("password", temporaryPassword, account.username());
		accounts.setPassword(account.id(), passwordEncoder.encode(temporaryPassword), true, clock.instant());
		audit.recordFor(account.agency(), "identity.password.reset", account.username(), "success");
		return require(account.username());
	}

	@Override
	@Transactional
	public StaffAccount changePassword(String username, String currentPassword, String newPassword) {
		AccountRepository.Stored stored = accounts.find(key(username))
				.orElseThrow(() -> new NoSuchElementException("no account '" + username + "'"));
		StaffAccount account = stored.account();
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, stored.passwordHash())) {
			audit.recordFor(account.agency(), "identity.password.change", account.username(), "failure");
			throw new StaffAccountRejectedException("currentPassword", "The current password is not correct.");
		}
		PasswordPolicy.check("newPassword", newPassword, account.username());
		if (newPassword.equals(currentPassword)) {
			throw new StaffAccountRejectedException("newPassword", "The new password must differ from the current one.");
		}
		accounts.setPassword(account.id(), passwordEncoder.encode(newPassword), false, clock.instant());
		audit.recordFor(account.agency(), "identity.password.change", account.username(), "success");
		return require(account.username());
	}

	@Override
	@Transactional
	public StaffAccount unlock(String username) {
		StaffAccount account = require(username);
		accounts.unlock(account.id(), clock.instant());
		audit.recordFor(account.agency(), "identity.account.unlock", account.username(), "success");
		return require(account.username());
	}

	@Override
	@Transactional
	public StaffAccount changeEmail(String username, String email) {
		StaffAccount account = require(username);
		String address = email == null || email.isBlank() ? null : email.strip();
		if (address != null && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
			throw new StaffAccountRejectedException("email",
					"E-mail must be one address like name@example.org, at most " + MAX_EMAIL + " characters, without spaces.");
		}
		accounts.setEmail(account.id(), address, clock.instant());
		audit.recordFor(account.agency(), "identity.account.email", account.username() + (address == null ? " removed" : " set"),
				"success");
		return require(account.username());
	}

	@Override
	public List<StaffAccount> reachableByEmail(AgencyId agency, Set<Role> roles) {
		return accounts.reachableByEmail(agency, roles == null ? Set.of() : roles);
	}

	/** Usernames are compared and stored lower-case; surrounding spaces are never part of one. */
	static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private boolean isLastEnabledAdmin(StaffAccount account) {
		return account.enabled() && accounts.countEnabledWithRole(Role.ADMIN) <= 1;
	}

	private StaffAccount require(String username) {
		return findByUsername(username).orElseThrow(() -> new NoSuchElementException("no account '" + username + "'"));
	}

	private static NewStaffAccount normalised(NewStaffAccount account) {
		if (account.agency() == null) {
			throw new StaffAccountRejectedException("agency", "An account must belong to an agency.");
		}
		String username = account.username() == null ? "" : key(account.username());
		if (!USERNAME.matcher(username).matches()) {
			throw new StaffAccountRejectedException("username",
					"Username must be 3 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.");
		}
		String displayName = account.displayName() == null ? "" : account.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
			throw new StaffAccountRejectedException("displayName", "Display name must be 1 to " + MAX_DISPLAY_NAME + " characters.");
		}
		return new NewStaffAccount(account.agency(), username, displayName, account.roles(), account.password(),
				account.mustChangePassword());
	}

	private static String names(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}
}
