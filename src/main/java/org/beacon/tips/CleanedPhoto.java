package org.beacon.tips;

/**
 * A photo with its metadata removed ({@link PhotoCleaning}): the bytes staff may look at, their type and size,
 * and the type and SHA-256 (hex) of the original it was made from, for sealing the original as evidence.
 */
public record CleanedPhoto(byte[] bytes, String contentType, int width, int height, String sha256,
		String originalContentType, String originalSha256) {
}
