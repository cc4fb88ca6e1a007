package org.beacon.tips.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tip and receipt settings ({@code beacon.tips.*}).
 *
 * @param receiptLifetime how long a receipt's dialogue stays open after its last message
 * @param passphraseIterations PBKDF2-HMAC-SHA256 iterations for receipt passphrases (OWASP 2023: 600,000)
 * @param maxAttachmentBytes largest image accepted, per file
 * @param maxAttachments images per tip
 * @param maxPixels largest image accepted in pixels, so a small file cannot decompress into gigabytes
 */
@ConfigurationProperties("beacon.tips")
record TipsProperties(Duration receiptLifetime, int passphraseIterations, long maxAttachmentBytes, int maxAttachments,
		long maxPixels) {

	TipsProperties {
		receiptLifetime = receiptLifetime == null ? Duration.ofDays(180) : receiptLifetime;
		passphraseIterations = passphraseIterations <= 0 ? 600_000 : passphraseIterations;
		maxAttachmentBytes = maxAttachmentBytes <= 0 ? 10L * 1024 * 1024 : maxAttachmentBytes;
		maxAttachments = maxAttachments <= 0 ? 5 : maxAttachments;
		maxPixels = maxPixels <= 0 ? 40_000_000L : maxPixels;
	}
}
