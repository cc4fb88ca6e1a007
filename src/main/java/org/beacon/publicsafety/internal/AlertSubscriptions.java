package org.beacon.publicsafety.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.AlertPlace;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.publicsafety.SubscriptionRequested;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing, confirming (double opt-in) and unsubscribing. The links carry tokens of {@link AlertTokens}, issued
 * with each message; only their hashes are stored. A radius is at least {@link #MIN_RADIUS_M} metres so that an
 * alert never describes one house.
 */
@Service
public class AlertSubscriptions {

	public static final double MIN_RADIUS_M = 250;
	public static final double MAX_RADIUS_M = 5_000;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** What a resident asked for; nulls where not applicable. */
	public record Request(String email, String webhookUrl, AlertPlace place, Long neighbourhoodId, Double lat, Double lon,
			Double radiusMetres, String polygonGeoJson, Set<OffenseCategory> categories, Subscription.Frequency frequency,
			boolean onlyAboveUsual) {
	}

	private final SubscriptionRepository repository;
	private final AlertTokens tokens;
	private final PublicIncidents incidents;
	private final PublicDisclosure disclosure;
	private final ObjectProvider<Geography> geography;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<Clock> clock;

	AlertSubscriptions(SubscriptionRepository repository, AlertTokens tokens, PublicIncidents incidents,
			PublicDisclosure disclosure, ObjectProvider<Geography> geography, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.tokens = tokens;
		this.incidents = incidents;
		this.disclosure = disclosure;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a PENDING subscription and asks for the confirmation e-mail.
	 *
	 * @throws IllegalArgumentException with a message for the resident when the request is not usable
	 */
	@Transactional
	public long subscribe(Request r) {
		if (r.email() == null || !EMAIL.matcher(r.email().trim()).matches() || r.email().length() > 320) {
			throw new IllegalArgumentException("Please give a valid e-mail address.");
		}
		String webhook = r.webhookUrl() == null || r.webhookUrl().isBlank() ? null : r.webhookUrl().trim();
		if (webhook != null && !(webhook.startsWith("https://") || webhook.startsWith("http://")) || webhook != null
				&& webhook.length() > 1000) {
			throw new IllegalArgumentException("A webhook address must start with https://.");
		}
		if (r.place() == null) {
			throw new IllegalArgumentException("Please choose a neighbourhood, a radius or draw an area.");
		}
		var agency = incidents.agency();
		Long nid = null;
		String ncode = null;
		Double lat = null, lon = null, radius = null;
		String polygon = null;
		switch (r.place()) {
			case NEIGHBOURHOOD -> {
				Geography g = geography.getIfAvailable();
				Area area = g == null || r.neighbourhoodId() == null ? null
						: g.areas(agency.id(), AreaKind.NEIGHBOURHOOD).stream().filter(a -> a.id() == r.neighbourhoodId())
								.findFirst().orElse(null);
				if (area == null) {
					throw new IllegalArgumentException("Please choose a neighbourhood from the list.");
				}
				nid = area.id();
				ncode = area.code();
			}
			case RADIUS -> {
				if (r.lat() == null || r.lon() == null || !(r.lat() >= -90 && r.lat() <= 90)
						|| !(r.lon() >= -180 && r.lon() <= 180)) {
					throw new IllegalArgumentException("Please give the centre as latitude and longitude.");
				}
				if (r.radiusMetres() == null || !(r.radiusMetres() >= MIN_RADIUS_M && r.radiusMetres() <= MAX_RADIUS_M)) {
					throw new IllegalArgumentException("The radius must be between 250 and 5,000 metres.");
				}
				lat = r.lat();
				lon = r.lon();
				radius = r.radiusMetres();
			}
			case POLYGON -> {
				if (r.polygonGeoJson() == null || r.polygonGeoJson().length() > 100_000) {
					throw new IllegalArgumentException("Please draw an area on the map.");
				}
				PlaceMatcher.polygon(r.polygonGeoJson());
				polygon = r.polygonGeoJson();
			}
		}
		Set<OffenseCategory> categories = r.categories() == null ? Set.of()
				: Set.copyOf(r.categories().stream().filter(disclosure::isPublic).toList());
		Subscription s = new Subscription(0, agency.id(), r.email().trim(), webhook, webhook == null ? null : token(),
				r.place(), nid, ncode, lat, lon, radius, polygon, categories,
				r.frequency() == null ? Subscription.Frequency.WEEKLY : r.frequency(), r.onlyAboveUsual(), "PENDING",
				clock.getIfAvailable(Clock::systemUTC).instant());
		long id = repository.insert(s);
		events.publishEvent(new SubscriptionRequested(agency.id(), id));
		return id;
	}

	public Optional<Subscription> byConfirmToken(String token) {
		return tokens.subscriptionOf(token, AlertTokens.Purpose.CONFIRM).flatMap(repository::find);
	}

	public Optional<Subscription> byUnsubscribeToken(String token) {
		return tokens.subscriptionOf(token, AlertTokens.Purpose.UNSUBSCRIBE).flatMap(repository::find);
	}

	/** Confirms; the subscription, when the token was known and it was not ended. */
	@Transactional
	public Optional<Subscription> confirm(String token) {
		Optional<Subscription> s = byConfirmToken(token).filter(x -> !"UNSUBSCRIBED".equals(x.state()));
		s.ifPresent(x -> repository.confirm(x.id(), clock.getIfAvailable(Clock::systemUTC).instant()));
		return s;
	}

	/** Ends the subscription of the token; true when the token was known (even if it had ended already). */
	@Transactional
	public boolean unsubscribe(String token) {
		Optional<Subscription> s = byUnsubscribeToken(token);
		s.ifPresent(x -> repository.unsubscribe(x.id(), clock.getIfAvailable(Clock::systemUTC).instant()));
		return s.isPresent();
	}

	static String token() {
		byte[] b = new byte[32];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
