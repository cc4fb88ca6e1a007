package org.beacon.overdose.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
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
 * Sends one alarm over one channel: e-mail through the configured mail server ({@code spring.mail.*}), or an
 * HTTP POST of the alarm's JSON to a webhook, signed {@code X-Beacon-Signature: sha256=<hex HMAC-SHA256 of the
 * body with the recipient's secret>} (the scheme GitHub uses, so receivers know how to check it). A failure
 * throws {@link DeliveryFailed}.
 */
@Component
class AlarmChannels {

	static final String SIGNATURE_HEADER = "X-Beacon-Signature";

	private final ObjectProvider<JavaMailSender> mail;
	private final OverdoseProperties properties;
	private final HttpClient http;

	AlarmChannels(ObjectProvider<JavaMailSender> mail, OverdoseProperties properties) {
		this.mail = mail;
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.notifications().webhookTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	static final class DeliveryFailed extends RuntimeException {

		DeliveryFailed(String message, Throwable cause) {
			super(message, cause);
		}
	}

	void email(StoredAlarm alarm, Recipient recipient) {
		email(alarm, recipient.email(), "recipient " + recipient.id());
	}

	/** E-mails the alarm to {@code address}; {@code who} names the recipient in the error, not the address. */
	void email(StoredAlarm alarm, String address, String who) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailed("no mail server configured (set spring.mail.host)", null);
		}
		String base = properties.notifications().baseUrl();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(properties.notifications().from());
			helper.setTo(address);
			helper.setSubject(AlarmMessage.subject(alarm));
			helper.setText(AlarmMessage.text(alarm, base), AlarmMessage.html(alarm, base));
			sender.send(message);
		}
		catch (MailException | MessagingException e) {
			throw new DeliveryFailed("e-mail to " + who + " failed: " + e.getMessage(), e);
		}
	}

	void webhook(StoredAlarm alarm, Recipient recipient, long deliveryId) {
		String body = AlarmMessage.json(alarm, properties.notifications().baseUrl());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(recipient.webhookUrl()))
				.timeout(properties.notifications().webhookTimeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Beacon-Overdose-Alarms")
				.header("X-Beacon-Event", "overdose.alarm")
				.header("X-Beacon-Delivery", Long.toString(deliveryId))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (recipient.webhookSecret() != null) {
			request.header(SIGNATURE_HEADER, signature(recipient.webhookSecret(), body));
		}
		try {
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new DeliveryFailed("webhook of recipient " + recipient.id() + " answered HTTP " + response.statusCode(),
						null);
			}
		}
		catch (java.io.IOException e) {
			throw new DeliveryFailed("webhook of recipient " + recipient.id() + " failed: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("interrupted while calling the webhook of recipient " + recipient.id(), e);
		}
	}

	/** {@code sha256=} and the lower-case hex HMAC-SHA256 of the UTF-8 body keyed with the UTF-8 secret. */
	static String signature(String secret, String body) {
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
