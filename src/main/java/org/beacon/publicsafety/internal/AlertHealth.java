package org.beacon.publicsafety.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * How resident alert delivery is going for one agency, for its staff: counts from the delivery ledger
 * ({@code alert_delivery}) by channel, the latest failures, and subscriptions by state. Read only; it never
 * returns an address, a webhook URL or secret: a subscriber is its subscription id, and error texts (an SMTP
 * refusal quotes the address) have addresses and URLs masked.
 */
@Repository
public class AlertHealth {

	/** The window of sent and given-up counts and of the failures listed. */
	public static final Duration WINDOW = Duration.ofDays(7);

	/** At most this many failures are listed, newest first. */
	static final int RECENT_FAILURES = 20;

	/** Rows of each kind read to choose those from. */
	static final int CANDIDATES = 500;

	/** Anything around an {@code @}: an address however it is quoted (the subscribe form accepts odd ones). */
	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\"',;]*@[^\\s<>()\\[\\]\"',;]*");

	private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s<>\"']*");

	/** How a ledger row's period names its channel: webhook rows end in {@code #webhook}. */
	private static final String CHANNEL = "CASE WHEN d.period LIKE '%#webhook' THEN 'WEBHOOK' ELSE 'EMAIL' END";

	public enum Channel {
		EMAIL("E-mail"), WEBHOOK("Webhook");

		private final String label;

		Channel(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * Deliveries of one channel: {@code sent} (DELIVERED within the window), {@code pending} (not finished and
	 * failed at least once, so waiting for or in a retry, whatever their age) and {@code givenUp} (FAILED at
	 * the attempt cap within the window).
	 */
	public record ChannelCounts(Channel channel, long sent, long pending, long givenUp) {
	}

	/**
	 * A delivery whose last attempt failed: still {@code pending} a retry, or given up. {@code at} is when that
	 * attempt failed; {@code error} is masked.
	 */
	public record Failure(long deliveryId, long subscriptionId, Channel channel, String message, boolean givenUp,
			int attempts, Instant at, String error) {
	}

	/** Subscriptions now: confirmed and receiving, or waiting for their confirmation link to be followed. */
	public record Subscriptions(long active, long unconfirmed) {
	}

	public record Report(Instant since, List<ChannelCounts> channels, List<Failure> recentFailures,
			Subscriptions subscriptions) {
	}

	private final JdbcClient jdbc;
	private final AlertRetry retry;

	AlertHealth(JdbcClient jdbc, AlertProperties properties) {
		this.jdbc = jdbc;
		this.retry = properties.retry();
	}

	@Transactional(readOnly = true)
	public Report report(AgencyId agency, Instant now) {
		Instant since = now.minus(WINDOW);
		return new Report(since, counts(agency, since), failures(agency, since), subscriptions(agency));
	}

	private List<ChannelCounts> counts(AgencyId agency, Instant since) {
		record Row(Channel channel, long sent, long pending, long givenUp) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT %s AS channel,
				       SUM(CASE WHEN d.state = 'DELIVERED' AND d.delivered_at >= :since THEN 1 ELSE 0 END) AS sent,
				       SUM(CASE WHEN d.state IN ('PENDING', 'SENDING') AND d.last_error IS NOT NULL THEN 1 ELSE 0 END) AS pending,
				       SUM(CASE WHEN d.state = 'FAILED' AND d.failed_at >= :since THEN 1 ELSE 0 END) AS given_up
				FROM alert_delivery d WHERE d.agency_id = :agency
				GROUP BY %s""".formatted(CHANNEL, CHANNEL))
				.param("agency", agency.value()).param("since", SubscriptionRepository.utc(since))
				.query((rs, n) -> new Row(Channel.valueOf(rs.getString("channel")), rs.getLong("sent"),
						rs.getLong("pending"), rs.getLong("given_up")))
				.list();
		return Arrays.stream(Channel.values())
				.map(c -> rows.stream().filter(r -> r.channel() == c).findFirst()
						.map(r -> new ChannelCounts(c, r.sent(), r.pending(), r.givenUp()))
						.orElse(new ChannelCounts(c, 0, 0, 0)))
				.toList();
	}

	/**
	 * Rows given up within the window and rows waiting for a retry, newest failure first. A waiting row does not
	 * store when it failed, but its next attempt is {@link AlertRetry#waitAfter} that: the time is worked back
	 * from it (exact while {@code beacon.alerts.retry-*} are unchanged). Each kind is read newest first up to
	 * {@link #CANDIDATES} rows, so an outage with thousands of waiting rows costs one bounded read.
	 */
	private List<Failure> failures(AgencyId agency, Instant since) {
		List<Failure> found = new ArrayList<>(failed("d.state = 'FAILED' AND d.failed_at >= :since",
				"d.failed_at DESC", agency, since));
		found.addAll(failed("d.state IN ('PENDING', 'SENDING')", "d.next_attempt_at DESC", agency, since));
		return found.stream()
				.sorted(Comparator.comparing(Failure::at, Comparator.nullsLast(Comparator.reverseOrder()))
						.thenComparing(Comparator.comparingLong(Failure::deliveryId).reversed()))
				.limit(RECENT_FAILURES).toList();
	}

	private List<Failure> failed(String condition, String order, AgencyId agency, Instant since) {
		return jdbc.sql("""
				SELECT d.id, d.subscription_id, %s AS channel, d.period, d.state, d.attempts, d.failed_at,
				       d.next_attempt_at, d.last_error, s.email
				FROM alert_delivery d JOIN alert_subscription s ON s.id = d.subscription_id
				WHERE d.agency_id = :agency AND d.last_error IS NOT NULL AND %s
				ORDER BY %s, d.id DESC LIMIT :limit""".formatted(CHANNEL, condition, order))
				.param("agency", agency.value()).param("since", SubscriptionRepository.utc(since))
				.param("limit", CANDIDATES)
				.query((rs, n) -> {
					boolean givenUp = "FAILED".equals(rs.getString("state"));
					int attempts = rs.getInt("attempts");
					Instant next = SubscriptionRepository.instant(rs, "next_attempt_at");
					Instant at = givenUp ? SubscriptionRepository.instant(rs, "failed_at")
							: next == null ? null : next.minus(retry.waitAfter(attempts));
					return new Failure(rs.getLong("id"), rs.getLong("subscription_id"),
							Channel.valueOf(rs.getString("channel")), message(rs.getString("period")), givenUp, attempts, at,
							mask(rs.getString("last_error"), rs.getString("email")));
				}).list();
	}

	private Subscriptions subscriptions(AgencyId agency) {
		return jdbc.sql("""
				SELECT SUM(CASE WHEN state = 'ACTIVE' THEN 1 ELSE 0 END) AS active,
				       SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) AS unconfirmed
				FROM alert_subscription WHERE agency_id = :agency""").param("agency", agency.value())
				.query((rs, n) -> new Subscriptions(rs.getLong("active"), rs.getLong("unconfirmed"))).single();
	}

	/** What the message was, from its period: {@code CONFIRM}, {@code DAILY:...}, {@code NOTICE:42#webhook}. */
	static String message(String period) {
		String p = period.endsWith("#webhook") ? period.substring(0, period.length() - "#webhook".length()) : period;
		if (p.equals("CONFIRM")) {
			return "confirmation";
		}
		if (p.startsWith("DAILY:")) {
			return "daily digest " + p.substring("DAILY:".length());
		}
		if (p.startsWith("WEEKLY:")) {
			return "weekly digest from " + p.substring("WEEKLY:".length());
		}
		if (p.startsWith("NOTICE:")) {
			return "overdose notice " + p.substring("NOTICE:".length());
		}
		return p;
	}

	/**
	 * The error text without the subscriber's address (however it is written) or any address or URL: a URL may
	 * carry a webhook's own secret in its path.
	 */
	static String mask(String error, String email) {
		if (error == null) {
			return null;
		}
		String masked = error;
		if (email != null && !email.isEmpty()) {
			masked = Pattern.compile(Pattern.quote(email), Pattern.CASE_INSENSITIVE).matcher(masked).replaceAll("[address]");
		}
		masked = URL.matcher(masked).replaceAll("[url]");
		return ADDRESS.matcher(masked).replaceAll("[address]");
	}
}
