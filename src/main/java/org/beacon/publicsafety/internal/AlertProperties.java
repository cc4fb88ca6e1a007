package org.beacon.publicsafety.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of resident alerts: {@code beacon.alerts.base-url} (links in messages; the public address of Beacon),
 * {@code beacon.alerts.from}, {@code beacon.alerts.what-we-do} (the "what is being done" paragraph),
 * {@code beacon.alerts.webhook-allow-private} (false: webhooks to loopback or private addresses are refused),
 * {@code beacon.alerts.redelivery-min-age}, and how failed deliveries are retried ({@link AlertRetry}):
 * {@code beacon.alerts.max-attempts} (8), {@code beacon.alerts.retry-first} (10 minutes),
 * {@code beacon.alerts.retry-longest} (6 hours).
 */
@Component
public class AlertProperties {

	static final String WHAT_WE_DO = "The community policing unit reviews these figures every week with residents and "
			+ "partners, and directs patrols and problem-solving work to places where incidents are above usual.";

	private final String baseUrl;
	private final String from;
	private final String whatWeDo;
	private final boolean webhookAllowPrivate;
	private final Duration redeliveryMinAge;
	private final AlertRetry retry;

	AlertProperties(@Value("${beacon.alerts.base-url:http://localhost:8080}") String baseUrl,
			@Value("${beacon.alerts.from:alerts@beacon.invalid}") String from,
			@Value("${beacon.alerts.what-we-do:" + WHAT_WE_DO + "}") String whatWeDo,
			@Value("${beacon.alerts.webhook-allow-private:false}") boolean webhookAllowPrivate,
			@Value("${beacon.alerts.redelivery-min-age:PT5M}") Duration redeliveryMinAge,
			@Value("${beacon.alerts.max-attempts:8}") int maxAttempts,
			@Value("${beacon.alerts.retry-first:PT10M}") Duration retryFirst,
			@Value("${beacon.alerts.retry-longest:PT6H}") Duration retryLongest) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.from = from;
		this.whatWeDo = whatWeDo;
		this.webhookAllowPrivate = webhookAllowPrivate;
		this.redeliveryMinAge = redeliveryMinAge;
		this.retry = new AlertRetry(maxAttempts, retryFirst, retryLongest);
	}

	public AlertRetry retry() {
		return retry;
	}

	public String baseUrl() {
		return baseUrl;
	}

	public String from() {
		return from;
	}

	public String whatWeDo() {
		return whatWeDo;
	}

	public boolean webhookAllowPrivate() {
		return webhookAllowPrivate;
	}

	public Duration redeliveryMinAge() {
		return redeliveryMinAge;
	}
}
