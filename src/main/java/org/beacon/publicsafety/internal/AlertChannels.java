package org.beacon.publicsafety.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one alert message: e-mail with RFC 8058 one-click unsubscribe headers, or an HTTP POST of JSON to a
 * webhook signed {@code X-Beacon-Signature: sha256=<hex HMAC-SHA256 of the body with the subscription's secret>}.
 * Webhooks to loopback, private or link-local addresses are refused unless {@code beacon.alerts.webhook-allow-private}.
 * A failure throws {@link DeliveryFailed}.
 */
@Component
public class AlertChannels {

	public static final String SIGNATURE_HEADER = "X-Beacon-Signature";

	static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

	private final ObjectProvider<JavaMailSender> mail;
	private final AlertProperties properties;
	private final HttpClient http;

	AlertChannels(ObjectProvider<JavaMailSender> mail, AlertProperties properties) {
		this.mail = mail;
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(WEBHOOK_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
				.build();
	}

	public static final class DeliveryFailed extends RuntimeException {

		DeliveryFailed(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** Sends a text e-mail; {@code unsubscribeUrl} (nullable) becomes the List-Unsubscribe headers. */
	void email(String to, String subject, String text, String unsubscribeUrl) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailed("no mail server configured (set spring.mail.host)", null);
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, false);
			if (unsubscribeUrl != null) {
				message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			sender.send(message);
		}
		catch (MailException | MessagingException e) {
			throw new DeliveryFailed("e-mail failed: " + e.getMessage(), e);
		}
	}

	void webhook(String url, String secret, String event, long deliveryId, String body) {
		URI uri = URI.create(url);
		checkTarget(uri);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WEBHOOK_TIMEOUT)
				.header("Content-Type", "application/json").header("User-Agent", "Beacon-Resident-Alerts")
				.header("X-Beacon-Event", event).header("X-Beacon-Delivery", Long.toString(deliveryId))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (secret != null) {
			request.header(SIGNATURE_HEADER, signature(secret, body));
		}
		try {
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new DeliveryFailed("webhook answered HTTP " + response.statusCode(), null);
			}
		}
		catch (java.io.IOException e) {
			throw new DeliveryFailed("webhook failed: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("interrupted while calling a webhook", e);
		}
	}

	private void checkTarget(URI uri) {
		if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
			throw new DeliveryFailed("webhook URL must be http(s)", null);
		}
		if (properties.webhookAllowPrivate()) {
			return;
		}
		try {
			for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
				if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
						|| a.isMulticastAddress()) {
					throw new DeliveryFailed("webhook host is a private address; refused", null);
				}
			}
		}
		catch (UnknownHostException e) {
			throw new DeliveryFailed("webhook host unknown: " + uri.getHost(), e);
		}
	}

	/** {@code sha256=} and the lower-case hex HMAC-SHA256 of the UTF-8 body keyed with the UTF-8 secret. */
	public static String signature(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
